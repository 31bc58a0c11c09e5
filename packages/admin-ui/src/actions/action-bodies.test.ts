import { describe, expect, it } from 'vitest';
import { authPatch, buildPatch, createBody, headersPatch } from './action-bodies';
import { type ActionDraft, type AuthDraft, draftFromAction, emptyDraft, NO_AUTH } from './action-draft';
import { emptyRow } from './parameter-rows';
import { savedAction } from './testing/action-fixture';

const baseline = draftFromAction(savedAction());
const edited = (patch: Partial<ActionDraft>): ActionDraft => ({ ...baseline, ...patch });

describe('createBody', () => {
  it('sends the minimum for a simple action', () => {
    expect(
      createBody({
        ...emptyDraft(),
        name: 'ping',
        description: 'Pings the shop when asked.',
        url: ' https://shop.example/ping ',
      }),
    ).toEqual({
      name: 'ping',
      description: 'Pings the shop when asked.',
      url: 'https://shop.example/ping',
      method: 'POST',
      timeoutMs: 10_000,
      enabled: true,
    });
  });

  it('sends every field that is set, secrets included', () => {
    const body = createBody({
      ...emptyDraft(),
      name: 'book',
      displayName: ' Book a table ',
      description: 'Books a table.',
      url: 'https://shop.example/book',
      method: 'PUT',
      timeoutSeconds: '2.5',
      enabled: false,
      parameters: {
        tab: 'rows',
        closed: false,
        json: '',
        rows: [{ ...emptyRow('a'), name: 'day', kind: 'date', required: true }],
      },
      headers: [{ key: 'h', kind: 'new', name: ' X-Key ', value: 'secret' }],
      auth: { ...NO_AUTH, type: 'bearer', secret: 'tok' },
      confirmation: 'always',
      bodyTemplate: '{"day": "{{parameters.day}}"}',
      followRedirects: true,
      hexSignatureHeader: true,
    });
    expect(body).toEqual({
      name: 'book',
      displayName: 'Book a table',
      description: 'Books a table.',
      url: 'https://shop.example/book',
      method: 'PUT',
      timeoutMs: 2500,
      enabled: false,
      parameters: {
        type: 'object',
        properties: { day: { type: 'string', format: 'date' } },
        required: ['day'],
      },
      headers: { 'X-Key': 'secret' },
      auth: { type: 'bearer', token: 'tok' },
      conversation: { confirmation: 'always' },
      bodyTemplate: { day: '{{parameters.day}}' },
      followRedirects: true,
      signing: { hexSignatureHeader: true },
    });
  });
});

describe('buildPatch', () => {
  it('is empty when nothing changed, stored secrets included', () => {
    expect(buildPatch(baseline, baseline)).toEqual({});
    expect(buildPatch(baseline, draftFromAction(savedAction()))).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(
      buildPatch(
        baseline,
        edited({
          description: 'New text.',
          timeoutSeconds: '7',
          method: 'GET',
          enabled: false,
          followRedirects: false,
        }),
      ),
    ).toEqual({
      description: 'New text.',
      timeoutMs: 7000,
      method: 'GET',
      enabled: false,
      followRedirects: false,
    });
    expect(buildPatch(baseline, edited({ timeoutSeconds: '5.0' }))).toEqual({});
    expect(buildPatch(baseline, edited({ hexSignatureHeader: false }))).toEqual({
      signing: { hexSignatureHeader: false },
    });
  });

  it('removes with null what was cleared: display name, parameters, conversation, body template', () => {
    const cleared = buildPatch(
      baseline,
      edited({
        displayName: ' ',
        parameters: { ...baseline.parameters, rows: [], closed: false },
        confirmation: 'auto',
        startMessage: '',
        delayedMessage: '',
        delayedAfterSeconds: '',
        failureMessage: '',
        responseFields: '',
        phrases: '',
        entities: [],
        requires: [],
        rateLimitCalls: '',
        rateLimitWindowSeconds: '',
        bodyTemplate: '',
      }),
    );
    expect(cleared).toEqual({ displayName: null, parameters: null, conversation: null, bodyTemplate: null });
  });

  it('sends the whole parameters schema when a row changes, whatever the order of required', () => {
    const rows = baseline.parameters.rows.map((row) =>
      row.name === 'phone' ? { ...row, required: true } : row,
    );
    const patch = buildPatch(baseline, edited({ parameters: { ...baseline.parameters, rows } }));
    expect(patch.parameters).toEqual({
      type: 'object',
      properties: {
        order_number: { type: 'string', description: 'e.g. ORD-12345', pattern: '^ORD-\\d+$' },
        phone: { type: 'string', format: 'phone' },
      },
      required: ['order_number', 'phone'],
      additionalProperties: false,
    });
    const reordered = draftFromAction(
      savedAction({
        parameters: {
          type: 'object',
          properties: { a: { type: 'string' }, b: { type: 'string' } },
          required: ['b', 'a'],
        },
      }),
    );
    expect(buildPatch(reordered, reordered)).toEqual({});
  });

  it('sends the whole conversation settings when one changes', () => {
    expect(buildPatch(baseline, edited({ confirmation: 'never' })).conversation).toEqual({
      confirmation: 'never',
      messages: {
        start: 'Checking.',
        delayed: { afterMs: 2500, text: 'Still checking.' },
        failure: 'Sorry.',
      },
      responseFields: ['status', 'order.eta'],
      triggers: {
        phrases: ['where is my order'],
        entities: ['order_id', 'email'],
        requires: ['order_number'],
      },
      rateLimit: { calls: 3, windowMs: 60000 },
    });
  });

  it('keeps, sets and clears the direct widget events opt-in (off by default)', () => {
    expect(baseline.allowDirectWidgetEvents).toBe(false);
    const allowed = buildPatch(baseline, edited({ allowDirectWidgetEvents: true })).conversation;
    expect(allowed).toMatchObject({ confirmation: 'always', allowDirectWidgetEvents: true });
    const stored = draftFromAction(
      savedAction({ conversation: { confirmation: 'always', allowDirectWidgetEvents: true } }),
    );
    expect(stored.allowDirectWidgetEvents).toBe(true);
    expect(buildPatch(stored, stored)).toEqual({});
    expect(buildPatch(stored, { ...stored, allowDirectWidgetEvents: false }).conversation).toEqual({
      confirmation: 'always',
    });
  });

  it('sends header and auth changes by the write-only rules', () => {
    const headers = baseline.headers.map((header) =>
      header.kind === 'stored' && header.name === 'X-Tenant'
        ? { ...header, change: 'remove' as const }
        : { ...header, change: 'replace' as const, value: 'new-key' },
    );
    const patch = buildPatch(
      baseline,
      edited({
        headers: [...headers, { key: 'n', kind: 'new', name: 'X-Extra', value: 'x' }],
        auth: { ...baseline.auth, username: 'other' },
      }),
    );
    expect(patch).toEqual({
      headers: { 'X-Tenant': null, 'X-Api-Key': 'new-key', 'X-Extra': 'x' },
      auth: { type: 'basic', username: 'other' },
    });
  });
});

describe('headersPatch', () => {
  it('is undefined when every header is kept', () => {
    expect(headersPatch(baseline.headers)).toBeUndefined();
  });

  it('does not remove a header added again under the same name, whatever its case', () => {
    expect(
      headersPatch([
        { key: 's', kind: 'stored', name: 'X-Api-Key', change: 'remove', value: '' },
        { key: 'n', kind: 'new', name: 'x-api-key', value: 'fresh' },
      ]),
    ).toEqual({ 'x-api-key': 'fresh' });
  });
});

describe('authPatch', () => {
  const stored: AuthDraft = { ...NO_AUTH, type: 'bearer', storedType: 'bearer', storedSecret: true };

  it('keeps a stored credential by sending nothing, or the type alone when a setting changed', () => {
    expect(authPatch(stored, stored)).toBeUndefined();
    const apiKey: AuthDraft = { ...stored, type: 'api_key', storedType: 'api_key', keyName: 'X-Key' };
    expect(authPatch(apiKey, { ...apiKey, location: 'query' })).toEqual({
      type: 'api_key',
      in: 'query',
      name: 'X-Key',
    });
  });

  it('sends a replaced credential, a new type with its credential, and null to remove', () => {
    expect(authPatch(stored, { ...stored, replacing: true, secret: 'new' })).toEqual({
      type: 'bearer',
      token: 'new',
    });
    expect(authPatch(stored, { ...stored, type: 'basic', username: 'u', secret: 'p' })).toEqual({
      type: 'basic',
      username: 'u',
      password: 'p',
    });
    expect(authPatch(stored, { ...stored, type: 'none' })).toBeNull();
    expect(authPatch(NO_AUTH, NO_AUTH)).toBeUndefined();
    const added = { ...NO_AUTH, type: 'bearer' as const, secret: 't' };
    expect(authPatch(NO_AUTH, added)).toEqual({ type: 'bearer', token: 't' });
  });
});
