import { describe, expect, it } from 'vitest';
import { type ActionDraft, type AuthDraft, emptyDraft, NO_AUTH } from './action-draft';
import {
  authOf,
  bodyTemplateOf,
  conversationOf,
  draftProblems,
  headerPath,
  headerProblems,
  parameterNamesOf,
  parametersOf,
  rowPath,
  rowProblems,
  timeoutMsOf,
} from './draft-values';
import { emptyRow, type ParameterRow } from './parameter-rows';

const row = (key: string, patch: Partial<ParameterRow>): ParameterRow => ({ ...emptyRow(key), ...patch });
const valid = (patch: Partial<ActionDraft> = {}): ActionDraft => ({
  ...emptyDraft(),
  name: 'check_order',
  description: 'Looks up an order when a customer asks.',
  url: 'https://api.example.com/orders',
  ...patch,
});

describe('timeoutMsOf', () => {
  it('takes 1 to 30 seconds, decimals too, as whole milliseconds', () => {
    expect(timeoutMsOf('10').value).toBe(10_000);
    expect(timeoutMsOf(' 2.5 ').value).toBe(2500);
    expect(timeoutMsOf('30').problems).toEqual([]);
  });

  it('refuses anything else at /timeoutMs; empty counts as missing', () => {
    expect(timeoutMsOf('0.5').problems).toEqual([
      { path: '/timeoutMs', message: 'must be from 1 to 30 seconds' },
    ]);
    expect(timeoutMsOf('31').value).toBeUndefined();
    expect(timeoutMsOf('ten').problems).toHaveLength(1);
    expect(timeoutMsOf('').problems[0]?.missing).toBe(true);
  });
});

describe('rowProblems', () => {
  it('checks names as typed, duplicates and allowed numbers; blank rows are ignored', () => {
    const problems = rowProblems([
      row('a', { name: 'Order' }),
      row('b', { name: 'day' }),
      row('c', { name: 'day' }),
      row('d', { name: 'n', kind: 'integer', allowed: '1\n2.5' }),
      row('e', { name: 'x', kind: 'number', allowed: 'one' }),
      row('f', { description: 'no name yet' }),
      emptyRow('g'),
    ]);
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([
      [rowPath('a', 'name'), 'must start with a lower-case letter, e.g. order_number'],
      [rowPath('c', 'name'), 'is used by another parameter'],
      [rowPath('d', 'allowed'), '"2.5" is not a whole number'],
      [rowPath('e', 'allowed'), '"one" is not a number'],
      [rowPath('f', 'name'), 'is required, e.g. order_number'],
    ]);
    expect(problems.at(-1)?.missing).toBe(true);
  });
});

describe('parametersOf', () => {
  it('builds the schema from the rows', () => {
    const { value } = parametersOf({ tab: 'rows', closed: false, json: '', rows: [row('a', { name: 'q' })] });
    expect(value).toEqual({ type: 'object', properties: { q: { type: 'string' } } });
  });

  it('sends the JSON Schema tab as it is, even what the rows cannot show, and reports bad JSON', () => {
    const schema = { type: 'object', properties: { tags: { type: 'array' } } };
    expect(
      parametersOf({ tab: 'json', closed: false, rows: [], json: JSON.stringify(schema) }).value,
    ).toEqual(schema);
    expect(parametersOf({ tab: 'json', closed: false, rows: [], json: '  ' }).value).toBeUndefined();
    const broken = parametersOf({ tab: 'json', closed: false, rows: [], json: '{"type":' });
    expect(broken.problems[0]?.path).toBe('/parameters');
    expect(broken.problems[0]?.message).toMatch(/^is not valid JSON/);
  });

  it('names the parameters from the rows or from the JSON text', () => {
    expect(
      parameterNamesOf({ tab: 'rows', closed: false, json: '', rows: [row('a', { name: 'x' })] }),
    ).toEqual(['x']);
    expect(
      parameterNamesOf({ tab: 'json', closed: false, rows: [], json: '{"properties":{"a":{},"b":{}}}' }),
    ).toEqual(['a', 'b']);
    expect(parameterNamesOf({ tab: 'json', closed: false, rows: [], json: 'nope' })).toEqual([]);
  });
});

describe('authOf', () => {
  const stored: AuthDraft = { ...NO_AUTH, type: 'bearer', storedType: 'bearer', storedSecret: true };

  it('leaves a kept credential out; a replaced or new one is required', () => {
    expect(authOf(stored)).toEqual({ value: { type: 'bearer' }, problems: [] });
    expect(authOf({ ...stored, replacing: true, secret: 't2' }).value).toEqual({
      type: 'bearer',
      token: 't2',
    });
    expect(authOf({ ...stored, replacing: true }).problems).toEqual([
      { path: '/auth/token', message: 'is required', missing: true },
    ]);
    expect(
      authOf({ ...stored, type: 'basic', username: 'u' }).problems.map((problem) => problem.path),
    ).toEqual(['/auth/password']);
  });

  it('builds each type with its settings', () => {
    expect(authOf(NO_AUTH).value).toBeUndefined();
    expect(authOf({ ...NO_AUTH, type: 'basic', username: 'u', secret: 'p' }).value).toEqual({
      type: 'basic',
      username: 'u',
      password: 'p',
    });
    expect(
      authOf({ ...NO_AUTH, type: 'api_key', location: 'query', keyName: 'k', secret: 'v' }).value,
    ).toEqual({
      type: 'api_key',
      in: 'query',
      name: 'k',
      value: 'v',
    });
    expect(
      authOf({ ...NO_AUTH, type: 'api_key', secret: 'v' }).problems.map((problem) => problem.path),
    ).toEqual(['/auth/name']);
  });
});

describe('authOf for OAuth2 client credentials', () => {
  const oauth2: AuthDraft = {
    ...NO_AUTH,
    type: 'oauth2_client_credentials',
    tokenUrl: ' https://id.example.com/oauth/token ',
    clientId: 'shop-app',
    scopes: 'orders.read\n orders.write  orders.read',
    secret: 'cs_typed',
  };

  it('sends the settings and the typed secret; the default method is left to the server', () => {
    expect(authOf(oauth2)).toEqual({
      value: {
        type: 'oauth2_client_credentials',
        tokenUrl: 'https://id.example.com/oauth/token',
        clientId: 'shop-app',
        scopes: ['orders.read', 'orders.write'],
        clientSecret: 'cs_typed',
      },
      problems: [],
    });
    expect(
      authOf({ ...oauth2, audience: 'https://api.example.com', clientAuthMethod: 'client_secret_post' })
        .value,
    ).toMatchObject({ audience: 'https://api.example.com', tokenEndpointAuthMethod: 'client_secret_post' });
  });

  it('leaves a kept client secret out and asks for what is missing', () => {
    const kept = { ...oauth2, secret: '', storedType: oauth2.type, storedSecret: true };
    expect(authOf(kept).value).not.toHaveProperty('clientSecret');
    expect(authOf(kept).problems).toEqual([]);
    expect(
      authOf({ ...NO_AUTH, type: 'oauth2_client_credentials' }).problems.map((problem) => problem.path),
    ).toEqual(['/auth/tokenUrl', '/auth/clientId', '/auth/clientSecret']);
  });
});

describe('headerProblems', () => {
  it('checks new names and values, duplicates against kept headers, and replacements', () => {
    const problems = headerProblems([
      { key: 's1', kind: 'stored', name: 'X-Api-Key', change: 'keep', value: '' },
      { key: 's2', kind: 'stored', name: 'X-Old', change: 'remove', value: '' },
      { key: 's3', kind: 'stored', name: 'X-Rep', change: 'replace', value: '' },
      { key: 'n1', kind: 'new', name: 'x-api-key', value: 'v' },
      { key: 'n2', kind: 'new', name: 'X-Old', value: 'v' },
      { key: 'n3', kind: 'new', name: 'Bad Name', value: '' },
    ]);
    expect(problems.map((problem) => problem.path)).toEqual([
      headerPath('s3', 'value'),
      headerPath('n1', 'name'),
      headerPath('n3', 'name'),
      headerPath('n3', 'value'),
    ]);
  });
});

describe('conversationOf', () => {
  it('is undefined when every setting is the default', () => {
    expect(conversationOf(valid())).toEqual({ value: undefined, problems: [] });
  });

  it('builds every setting that is set', () => {
    const { value, problems } = conversationOf(
      valid({
        confirmation: 'never',
        startMessage: 'One moment.',
        delayedMessage: 'Still on it.',
        delayedAfterSeconds: '3',
        failureMessage: '  ',
        responseFields: 'status\n\n order.eta ',
        phrases: 'where is my order',
        entities: ['order_id'],
        requires: ['order_number'],
        rateLimitCalls: '2',
        rateLimitWindowSeconds: '60',
      }),
    );
    expect(problems).toEqual([]);
    expect(value).toEqual({
      confirmation: 'never',
      messages: { start: 'One moment.', delayed: { afterMs: 3000, text: 'Still on it.' } },
      responseFields: ['status', 'order.eta'],
      triggers: { phrases: ['where is my order'], entities: ['order_id'], requires: ['order_number'] },
      rateLimit: { calls: 2, windowMs: 60_000 },
    });
  });

  it('reports a delayed message without its delay, and a half-filled rate limit', () => {
    const { problems } = conversationOf(valid({ delayedMessage: 'Still on it.', rateLimitCalls: '0' }));
    expect(problems.map((problem) => problem.path)).toEqual([
      '/conversation/messages/delayed/afterMs',
      '#rateLimit/calls',
      '#rateLimit/window',
    ]);
  });
});

describe('bodyTemplateOf', () => {
  it('parses JSON, gives undefined when empty and reports bad JSON at /bodyTemplate', () => {
    expect(bodyTemplateOf('{"a": "{{parameters.x}}"}').value).toEqual({ a: '{{parameters.x}}' });
    expect(bodyTemplateOf('').value).toBeUndefined();
    expect(bodyTemplateOf('{').problems[0]?.path).toBe('/bodyTemplate');
  });
});

describe('draftProblems', () => {
  it('finds nothing in a valid draft', () => {
    expect(draftProblems(valid())).toEqual([]);
  });

  it('reports every problem at once, the scheme of the URL and placeholders with the empty fields', () => {
    const problems = draftProblems({
      ...emptyDraft(),
      name: 'check_order',
      url: 'http://api.example.com/orders/{order_id}',
      description: 'x'.repeat(1025),
      displayName: 'y'.repeat(101),
    });
    expect(problems).toEqual([
      { path: '/displayName', message: 'must be at most 100 characters' },
      { path: '/description', message: 'must be at most 1024 characters' },
      { path: '/url', message: 'placeholder {order_id} does not name a parameter' },
      { path: '/url', message: 'must use https, not http' },
    ]);
  });

  it('marks empty required fields as missing and bad values as invalid', () => {
    const problems = draftProblems({ ...emptyDraft(), name: 'Bad-Name', timeoutSeconds: '99' });
    expect(problems.map((problem) => [problem.path, problem.missing === true])).toEqual([
      ['/name', false],
      ['/description', true],
      ['/url', true],
      ['/timeoutMs', false],
    ]);
  });
});
