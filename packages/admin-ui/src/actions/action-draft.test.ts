import { describe, expect, it } from 'vitest';
import { draftFromAction, emptyDraft } from './action-draft';
import { savedAction } from './testing/action-fixture';

describe('draftFromAction', () => {
  it('reads every field of a saved action into the form', () => {
    const draft = draftFromAction(savedAction());
    expect(draft).toMatchObject({
      name: 'check_order_status',
      displayName: 'Check order status',
      url: 'https://api.example.com/orders/{order_number}',
      method: 'POST',
      timeoutSeconds: '5',
      enabled: true,
      confirmation: 'always',
      startMessage: 'Checking.',
      delayedMessage: 'Still checking.',
      delayedAfterSeconds: '2.5',
      failureMessage: 'Sorry.',
      responseFields: 'status\norder.eta',
      phrases: 'where is my order',
      entities: ['order_id', 'email'],
      requires: ['order_number'],
      rateLimitCalls: '3',
      rateLimitWindowSeconds: '60',
      bodyTemplate: '{\n  "order": "{{parameters.order_number}}"\n}',
      followRedirects: true,
      hexSignatureHeader: true,
    });
    expect(draft.parameters.tab).toBe('rows');
    expect(draft.parameters.closed).toBe(true);
    expect(draft.parameters.rows.map((row) => [row.name, row.kind, row.required])).toEqual([
      ['order_number', 'text', true],
      ['phone', 'phone', false],
    ]);
  });

  it('shows stored headers and credentials as set, never with a value', () => {
    const draft = draftFromAction(savedAction());
    expect(draft.headers).toEqual([
      { key: 'stored-header-0', kind: 'stored', name: 'X-Api-Key', change: 'keep', value: '' },
      { key: 'stored-header-1', kind: 'stored', name: 'X-Tenant', change: 'keep', value: '' },
    ]);
    expect(draft.auth).toEqual({
      type: 'basic',
      username: 'shop',
      location: 'header',
      keyName: '',
      tokenUrl: 'https://',
      clientId: '',
      scopes: '',
      audience: '',
      clientAuthMethod: 'client_secret_basic',
      secret: '',
      replacing: false,
      storedType: 'basic',
      storedSecret: true,
    });
    const apiKey = draftFromAction(
      savedAction({ auth: { type: 'api_key', in: 'query', name: 'key', value: { set: true } } }),
    );
    expect(apiKey.auth).toMatchObject({
      type: 'api_key',
      location: 'query',
      keyName: 'key',
      storedSecret: true,
    });
  });

  it('reads OAuth2 client credentials with the client secret only as set', () => {
    const draft = draftFromAction(
      savedAction({
        auth: {
          type: 'oauth2_client_credentials',
          tokenUrl: 'https://id.example.com/oauth/token',
          clientId: 'shop-app',
          clientSecret: { set: true },
          scopes: ['orders.read', 'orders.write'],
          audience: 'https://api.example.com',
          tokenEndpointAuthMethod: 'client_secret_post',
        },
      }),
    );
    expect(draft.auth).toMatchObject({
      type: 'oauth2_client_credentials',
      tokenUrl: 'https://id.example.com/oauth/token',
      clientId: 'shop-app',
      scopes: 'orders.read orders.write',
      audience: 'https://api.example.com',
      clientAuthMethod: 'client_secret_post',
      secret: '',
      storedType: 'oauth2_client_credentials',
      storedSecret: true,
    });
  });

  it('opens a schema the rows cannot show on the JSON Schema tab, as it is', () => {
    const parameters = { type: 'object', properties: { tags: { type: 'array' } } };
    const draft = draftFromAction(savedAction({ parameters }));
    expect(draft.parameters.tab).toBe('json');
    expect(JSON.parse(draft.parameters.json)).toEqual(parameters);
  });

  it('applies the defaults for fields the action leaves out', () => {
    const draft = draftFromAction({
      id: 'a',
      enabled: false,
      createdAt: '',
      updatedAt: '',
      definition: { name: 'x', description: 'd', url: 'https://x.example' },
    });
    expect(draft).toEqual({
      ...emptyDraft(),
      name: 'x',
      description: 'd',
      url: 'https://x.example',
      enabled: false,
    });
  });
});

describe('emptyDraft', () => {
  it('starts with the server defaults: POST, 10 s, enabled, auto confirmation, no parameters', () => {
    const draft = emptyDraft();
    expect(draft).toMatchObject({
      method: 'POST',
      timeoutSeconds: '10',
      enabled: true,
      confirmation: 'auto',
    });
    expect(draft.parameters.rows).toEqual([]);
    expect(draft.auth.type).toBe('none');
  });
});
