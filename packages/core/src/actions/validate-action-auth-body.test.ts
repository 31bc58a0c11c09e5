import { describe, expect, it } from 'vitest';
import { issuesWith, pathsOf } from './valid-action.fixture.js';

describe('auth', () => {
  it.each([
    { type: 'none' },
    { type: 'bearer', token: 't' },
    { type: 'basic', username: 'user', password: 'p:a:ss' },
    { type: 'api_key', in: 'header', name: 'X-Key', value: 'v' },
    { type: 'api_key', in: 'query', name: 'api key', value: 'v' },
  ])('accepts %j', (auth) => {
    expect(issuesWith({ auth, headers: undefined })).toEqual([]);
  });

  it('needs an object with a known type', () => {
    const types = 'none, bearer, basic, api_key, oauth2_client_credentials';
    expect(issuesWith({ auth: 'bearer' })).toEqual([
      { path: '/auth', message: `must be an object with a type: ${types}` },
    ]);
    expect(issuesWith({ auth: {} })).toEqual([
      { path: '/auth/type', message: `is required: one of ${types}` },
    ]);
    for (const type of ['oauth', 'toString', 'constructor', '__proto__', 3]) {
      expect(issuesWith({ auth: { type } })).toEqual([
        { path: '/auth/type', message: `must be one of: ${types}` },
      ]);
    }
  });

  it('requires each credential as a non-empty string', () => {
    expect(issuesWith({ auth: { type: 'bearer' } })).toEqual([
      { path: '/auth/token', message: 'is required' },
    ]);
    expect(issuesWith({ auth: { type: 'bearer', token: ' ' } })).toEqual([
      { path: '/auth/token', message: 'must not be empty' },
    ]);
    expect(issuesWith({ auth: { type: 'basic', username: 5 } })).toEqual([
      { path: '/auth/username', message: 'must be a string' },
      { path: '/auth/password', message: 'is required' },
    ]);
    expect(issuesWith({ auth: { type: 'api_key' } })).toEqual([
      { path: '/auth/in', message: 'is required' },
      { path: '/auth/name', message: 'is required' },
      { path: '/auth/value', message: 'is required' },
    ]);
  });

  it('refuses fields the type does not take', () => {
    expect(issuesWith({ auth: { type: 'none', token: 'x' } })).toEqual([
      { path: '/auth/token', message: 'unknown field: none auth takes no other fields' },
    ]);
    expect(issuesWith({ auth: { type: 'bearer', token: 't', scheme: 'Token' } })).toEqual([
      { path: '/auth/scheme', message: 'unknown field: bearer auth takes token' },
    ]);
  });

  it('checks credentials that travel in headers', () => {
    expect(issuesWith({ auth: { type: 'bearer', token: 'a\nb' } })).toEqual([
      { path: '/auth/token', message: 'must not contain line breaks or NUL characters' },
    ]);
    expect(issuesWith({ auth: { type: 'basic', username: 'a:b', password: 'p' } })).toEqual([
      {
        path: '/auth/username',
        message: 'must not contain ":" (it separates the user name from the password)',
      },
    ]);
    expect(
      issuesWith({
        headers: undefined,
        auth: { type: 'api_key', in: 'header', name: 'Content-Type', value: 'v\r' },
      }),
    ).toEqual([
      {
        path: '/auth/name',
        message: '"Content-Type" is reserved: Toolgate sets it or it controls the connection',
      },
      { path: '/auth/value', message: 'must not contain line breaks or NUL characters' },
    ]);
    expect(
      pathsOf(issuesWith({ auth: { type: 'api_key', in: 'header', name: 'X Key', value: 'v' } })),
    ).toEqual(['/auth/name']);
  });

  it('reports a wrong "in" once', () => {
    expect(issuesWith({ auth: { type: 'api_key', in: 'cookie', name: 'k', value: 'v' } })).toEqual([
      { path: '/auth/in', message: 'must be "header" or "query"' },
    ]);
  });

  it('refuses a query api_key named like a parameter the query string also carries', () => {
    const auth = { type: 'api_key', in: 'query', name: 'order_number', value: 'v' };
    expect(issuesWith({ method: 'GET', bodyTemplate: undefined, auth })).toEqual([
      {
        path: '/auth/name',
        message: 'conflicts with the parameter "order_number", which GET also sends in the query string',
      },
    ]);
    expect(issuesWith({ method: 'POST', auth })).toEqual([]);
  });
});

describe('oauth2_client_credentials auth', () => {
  const oauth2 = {
    type: 'oauth2_client_credentials',
    tokenUrl: 'https://id.example.com/oauth/token',
    clientId: 'shop-app',
    clientSecret: 'cs_secret',
  };

  it.each([
    oauth2,
    { ...oauth2, scopes: ['orders.read', 'orders:write'], audience: 'https://api.example.com' },
    { ...oauth2, tokenEndpointAuthMethod: 'client_secret_post', scopes: [] },
  ])('accepts %j', (auth) => {
    expect(issuesWith({ auth, headers: undefined })).toEqual([]);
  });

  it('requires the token URL, client id and secret', () => {
    expect(issuesWith({ auth: { type: 'oauth2_client_credentials' } })).toEqual([
      { path: '/auth/tokenUrl', message: 'is required' },
      { path: '/auth/clientId', message: 'is required' },
      { path: '/auth/clientSecret', message: 'is required' },
    ]);
  });

  it('checks the token URL like an action URL, without placeholders', () => {
    const at = (tokenUrl: string) => issuesWith({ auth: { ...oauth2, tokenUrl } });
    expect(at('http://id.example.com/token')).toEqual([
      { path: '/auth/tokenUrl', message: 'must use https, not http' },
    ]);
    expect(at('https://user:pw@id.example.com/token')).toEqual([
      { path: '/auth/tokenUrl', message: 'must not contain credentials (user:password@); use auth instead' },
    ]);
    expect(at('https://id.example.com/{tenant}/token')).toEqual([
      { path: '/auth/tokenUrl', message: 'must not contain {placeholders}: the token URL is fixed' },
    ]);
    expect(pathsOf(at('token'))).toEqual(['/auth/tokenUrl']);
  });

  it('refuses bad scopes, audience, method and unknown fields, each at its pointer', () => {
    expect(
      issuesWith({
        auth: {
          ...oauth2,
          scopes: ['ok', 'two words', 'ok', 7, ''],
          audience: ' ',
          tokenEndpointAuthMethod: 'private_key_jwt',
          clientSecret: 'a\nb',
          grantType: 'password',
        },
      }),
    ).toEqual([
      {
        path: '/auth/grantType',
        message:
          'unknown field: oauth2_client_credentials auth takes tokenUrl, clientId, clientSecret, scopes, audience, tokenEndpointAuthMethod',
      },
      {
        path: '/auth/scopes/1',
        message: 'must be one scope name: visible ASCII without spaces, quotes or backslashes',
      },
      { path: '/auth/scopes/2', message: 'lists "ok" twice' },
      { path: '/auth/scopes/3', message: 'must be a string' },
      { path: '/auth/scopes/4', message: 'must not be empty' },
      {
        path: '/auth/clientSecret',
        message: 'must not contain line breaks, tabs, NUL or other control characters',
      },
      { path: '/auth/audience', message: 'must not be empty (leave it out instead)' },
      {
        path: '/auth/tokenEndpointAuthMethod',
        message: 'must be one of: client_secret_basic, client_secret_post',
      },
    ]);
    expect(pathsOf(issuesWith({ auth: { ...oauth2, scopes: 'orders.read' } }))).toEqual(['/auth/scopes']);
  });

  it('conflicts with an Authorization header', () => {
    expect(pathsOf(issuesWith({ headers: { Authorization: 'Bearer x' }, auth: oauth2 }))).toEqual([
      '/headers/Authorization',
    ]);
  });
});

describe('bodyTemplate', () => {
  it('accepts any JSON value with known placeholders', () => {
    for (const bodyTemplate of ['{{parameters.order_number}}', 5, null, true, ['{{context.trigger}}'], {}]) {
      expect(issuesWith({ bodyTemplate })).toEqual([]);
    }
  });

  it('is only for methods that send a body', () => {
    expect(issuesWith({ method: 'GET' })).toEqual([
      {
        path: '/bodyTemplate',
        message: 'only POST, PUT and PATCH send a body; GET sends parameters in the query string',
      },
    ]);
    expect(pathsOf(issuesWith({ method: 'DELETE' }))).toEqual(['/bodyTemplate']);
    expect(issuesWith({ method: 'PUT' })).toEqual([]);
    expect(issuesWith({ method: 'PATCH' })).toEqual([]);
    expect(issuesWith({ method: undefined })).toEqual([]);
  });

  it('does not blame the template for an unknown method', () => {
    expect(pathsOf(issuesWith({ method: 'FETCH' }))).toEqual(['/method']);
  });

  it('locates bad placeholders at the exact value', () => {
    expect(
      issuesWith({
        bodyTemplate: {
          order: '{{parameters.order_id}}',
          lines: [{ sku: 'x' }, { who: 'for {{context.customer}}' }],
          raw: '{{ order_number }} and {{parameters.order-number}}',
          '{{parameters.order_number}}': 1,
        },
      }),
    ).toEqual([
      { path: '/bodyTemplate/order', message: '{{parameters.order_id}} does not name a declared parameter' },
      {
        path: '/bodyTemplate/lines/1/who',
        message:
          '{{context.customer}} is not a context value; use one of: call_id, trigger, agent_id, conversation_id, contact_id, timestamp, callback_url, action',
      },
      {
        path: '/bodyTemplate/raw',
        message: '{{ order_number }} is not a placeholder; write {{parameters.name}} or {{context.name}}',
      },
      {
        path: '/bodyTemplate/raw',
        message:
          '{{parameters.order-number}} is not a placeholder; write {{parameters.name}} or {{context.name}}',
      },
      {
        path: '/bodyTemplate/{{parameters.order_number}}',
        message: '{{parameters.order_number}}: placeholders are filled in values, not in keys',
      },
    ]);
  });

  it('accepts every context key', () => {
    const keys = ['call_id', 'trigger', 'agent_id', 'conversation_id', 'contact_id', 'timestamp', 'action'];
    expect(
      issuesWith({ bodyTemplate: Object.fromEntries(keys.map((key) => [key, `{{context.${key}}}`])) }),
    ).toEqual([]);
  });

  it('refuses values JSON cannot carry, each at its path', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(
      issuesWith({
        bodyTemplate: {
          missing: undefined,
          run: () => 1,
          nan: Number.NaN,
          list: [1, Number.POSITIVE_INFINITY],
          big: 10n,
          when: new Date(0),
          map: new Map(),
          cyclic,
        },
      }),
    ).toEqual([
      { path: '/bodyTemplate/missing', message: 'must be a JSON value, not undefined' },
      { path: '/bodyTemplate/run', message: 'must be a JSON value, not a function' },
      { path: '/bodyTemplate/nan', message: 'must be a finite number (JSON has no NaN or Infinity)' },
      { path: '/bodyTemplate/list/1', message: 'must be a finite number (JSON has no NaN or Infinity)' },
      { path: '/bodyTemplate/big', message: 'must be a JSON value, not a bigint' },
      {
        path: '/bodyTemplate/when',
        message: 'must be a JSON value (string, number, boolean, null, array or object)',
      },
      {
        path: '/bodyTemplate/map',
        message: 'must be a JSON value (string, number, boolean, null, array or object)',
      },
      {
        path: '/bodyTemplate/cyclic/self',
        message: 'must not refer to itself (a cycle cannot be sent as JSON)',
      },
    ]);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(issuesWith({ bodyTemplate: { first: shared, second: shared } })).toEqual([]);
  });

  it('is at most 100 KB as JSON', () => {
    expect(issuesWith({ bodyTemplate: { text: 'x'.repeat(100 * 1024 - 20) } })).toEqual([]);
    expect(issuesWith({ bodyTemplate: { text: 'x'.repeat(100 * 1024) } })).toEqual([
      { path: '/bodyTemplate', message: 'must be at most 102400 bytes as JSON (it is 102411)' },
    ]);
  });

  it('bounds nesting', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 40; level++) deep = [deep];
    const issues = issuesWith({ bodyTemplate: deep });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe('nests deeper than 32 levels');
    expect(issues[0]?.path).toBe(`/bodyTemplate${'/0'.repeat(32)}`);
  });
});

describe('async and retry settings', () => {
  it('accepts async and retry settings within bounds', () => {
    expect(
      issuesWith({ bodyTemplate: undefined, async: { deadlineSeconds: 600, pendingMessage: 'One moment.' } }),
    ).toEqual([]);
    expect(issuesWith({ method: 'PUT', retry: { attempts: 3 } })).toEqual([]);
    expect(issuesWith({ method: 'POST', retry: { attempts: 5, nonIdempotent: true } })).toEqual([]);
  });

  it('refuses out-of-bounds or unknown async settings, naming the field', () => {
    expect(pathsOf(issuesWith({ bodyTemplate: undefined, async: { deadlineSeconds: 5 } }))).toEqual([
      '/async/deadlineSeconds',
    ]);
    expect(pathsOf(issuesWith({ bodyTemplate: undefined, async: { deadlineSeconds: 86_401 } }))).toEqual([
      '/async/deadlineSeconds',
    ]);
    expect(pathsOf(issuesWith({ bodyTemplate: undefined, async: { wait: 1 } }))).toEqual(['/async/wait']);
    expect(pathsOf(issuesWith({ async: true }))).toEqual(['/async']);
    expect(pathsOf(issuesWith({ method: 'GET', bodyTemplate: undefined, async: {} }))).toEqual(['/async']);
    expect(pathsOf(issuesWith({ bodyTemplate: { id: '{{parameters.order_number}}' }, async: {} }))).toEqual([
      '/async',
    ]);
  });

  it('refuses too many attempts and retries of a POST without the explicit flag', () => {
    expect(pathsOf(issuesWith({ method: 'PUT', retry: { attempts: 6 } }))).toEqual(['/retry/attempts']);
    expect(pathsOf(issuesWith({ method: 'POST', retry: { attempts: 2 } }))).toEqual(['/retry']);
    expect(pathsOf(issuesWith({ method: 'PATCH', retry: { attempts: 2 } }))).toEqual(['/retry']);
  });
});
