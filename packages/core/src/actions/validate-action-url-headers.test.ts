import { describe, expect, it } from 'vitest';
import { issuesWith, pathsOf } from './valid-action.fixture.js';

describe('url', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['missing', undefined, ['is required: the https URL of the endpoint']],
    ['not a string', 42, ['must be a string: the https URL of the endpoint']],
    ['http', 'http://api.example.com/orders', ['must use https, not http']],
    ['ftp', 'ftp://files.example.com/orders', ['must use https, not ftp']],
    [
      'credentials',
      'https://user:pass@api.example.com/orders',
      ['must not contain credentials (user:password@); use auth instead'],
    ],
    [
      'a fragment',
      'https://api.example.com/orders#status',
      ['must not contain a #fragment (it is never sent to the server)'],
    ],
    [
      'a placeholder in the host',
      'https://{order_number}.example.com/orders',
      ['placeholders may only appear in the path, not in the host'],
    ],
    [
      'a placeholder in the query',
      'https://api.example.com/orders?id={order_number}',
      ['placeholders may only appear in the path, not in the query string'],
    ],
    [
      'an undeclared placeholder',
      'https://api.example.com/orders/{order_id}',
      ['placeholder {order_id} does not name a declared parameter'],
    ],
    [
      'an optional placeholder',
      'https://api.example.com/customers/{email}',
      [
        'placeholder {email} names an optional parameter; list "email" in parameters.required, since the path cannot be built without it',
      ],
    ],
    [
      'an empty placeholder',
      'https://api.example.com/orders/{}',
      ['has an empty placeholder {}; write {parameter_name}'],
    ],
    [
      'an unmatched brace',
      'https://api.example.com/orders/{order_number',
      ['has an unmatched { or } in the path'],
    ],
    [
      'a relative URL',
      'api.example.com/orders',
      ['must be an absolute URL such as https://api.example.com/orders/{order_number}'],
    ],
    ['a backslash', 'https://api.example.com\\@evil.example/', ['must not contain backslashes']],
    [
      'spaces in the host',
      'https://api example.com/orders',
      ['must not contain spaces, tabs or line breaks', 'is not a valid URL (check the host name)'],
    ],
    ['too long', `https://api.example.com/${'a'.repeat(2030)}`, ['must be at most 2048 characters']],
  ];
  it.each(cases)('refuses %s', (_label, url, messages) => {
    expect(issuesWith({ url })).toEqual(messages.map((message) => ({ path: '/url', message })));
  });

  it('reports several URL problems together', () => {
    expect(issuesWith({ url: 'http://me:pw@api.example.com/orders/{nope}#x' })).toEqual([
      { path: '/url', message: 'placeholder {nope} does not name a declared parameter' },
      { path: '/url', message: 'must use https, not http' },
      { path: '/url', message: 'must not contain credentials (user:password@); use auth instead' },
      { path: '/url', message: 'must not contain a #fragment (it is never sent to the server)' },
    ]);
  });

  it('accepts placeholders of required parameters, repeated or several per path', () => {
    const parameters = {
      type: 'object',
      properties: { store: { type: 'string' }, order_number: { type: 'string' } },
      required: ['store', 'order_number'],
    };
    expect(
      issuesWith({
        parameters,
        url: 'https://API.example.com:8443/stores/{store}/orders/{order_number}.json?v=2&copy={x',
        bodyTemplate: undefined,
      }),
    ).toEqual([]);
    expect(
      issuesWith({
        parameters,
        url: 'https://api.example.com/{store}/{store}-{order_number}',
        bodyTemplate: undefined,
      }),
    ).toEqual([]);
  });

  it('does not count a URL exactly 2048 characters long as too long', () => {
    const url = `https://api.example.com/${'a'.repeat(2048 - 'https://api.example.com/'.length)}`;
    expect(url).toHaveLength(2048);
    expect(issuesWith({ url })).toEqual([]);
  });
});

describe('headers', () => {
  it('accepts ordinary custom headers', () => {
    expect(
      issuesWith({ headers: { 'X-Api-Key': 'k', Accept: 'application/json', 'X-Tenant': 'café' } }),
    ).toEqual([]);
  });

  it.each([
    'Host',
    'content-length',
    'Content-Type',
    'TRANSFER-ENCODING',
    'Connection',
    'Keep-Alive',
    'Upgrade',
    'TE',
    'Trailer',
    'Proxy-Authorization',
    'proxy-connection',
    'webhook-id',
    'Webhook-Timestamp',
    'Webhook-Signature',
    'Idempotency-Key',
    'X-Toolgate-Signature',
    'User-Agent',
  ])('refuses the reserved header %s, whatever its case', (name) => {
    expect(issuesWith({ headers: { [name]: 'x' } })).toEqual([
      {
        path: `/headers/${name}`,
        message: `"${name}" is reserved: Toolgate sets it or it controls the connection`,
      },
    ]);
  });

  it('refuses names that are not HTTP tokens, escaping the pointer', () => {
    const issues = issuesWith({ headers: { 'Bad Header': 'x', 'X:Y': 'x', 'a/b': 'x', '': 'x' } });
    expect(pathsOf(issues)).toEqual(['/headers/Bad Header', '/headers/X:Y', '/headers/a~1b', '/headers/']);
    for (const issue of issues) expect(issue.message).toMatch(/^is not a valid header name/);
  });

  it('refuses values that could not be sent safely', () => {
    expect(
      issuesWith({
        headers: {
          'X-A': 'a\r\nX-Injected: 1',
          'X-B': 'a\0b',
          'X-C': 'x'.repeat(4097),
          'X-D': 42,
          'X-E': 'bell\x07',
          'X-F': 'emoji 🙂',
          'X-G': 'x'.repeat(4096),
        },
      }),
    ).toEqual([
      { path: '/headers/X-A', message: 'must not contain line breaks or NUL characters' },
      { path: '/headers/X-B', message: 'must not contain line breaks or NUL characters' },
      { path: '/headers/X-C', message: 'must be at most 4096 characters' },
      { path: '/headers/X-D', message: 'must be a string' },
      {
        path: '/headers/X-E',
        message: 'must contain only printable ASCII or Latin-1 characters (no control characters or emoji)',
      },
      {
        path: '/headers/X-F',
        message: 'must contain only printable ASCII or Latin-1 characters (no control characters or emoji)',
      },
    ]);
  });

  it('allows at most 20 headers', () => {
    const headers = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`X-H${index}`, 'v']));
    expect(issuesWith({ headers: headers(20) })).toEqual([]);
    expect(issuesWith({ headers: headers(21) })).toEqual([
      { path: '/headers', message: 'must have at most 20 headers (it has 21)' },
    ]);
  });

  it('refuses the same header twice in different cases', () => {
    expect(issuesWith({ headers: { 'X-Api-Key': 'a', 'x-api-key': 'b' } })).toEqual([
      { path: '/headers/x-api-key', message: 'is set twice (header names are case-insensitive)' },
    ]);
  });

  it('refuses a non-object', () => {
    for (const headers of [[], 'X-A: 1', null]) {
      expect(issuesWith({ headers })).toEqual([
        { path: '/headers', message: 'must be an object of header names to values' },
      ]);
    }
  });

  it('refuses an Authorization header when auth is set, and allows it when auth is none', () => {
    const conflict = {
      path: '/headers/authorization',
      message: 'conflicts with auth: configure the credential in one place',
    };
    const headers = { authorization: 'Token abc' };
    expect(issuesWith({ headers, auth: { type: 'bearer', token: 't' } })).toEqual([conflict]);
    expect(issuesWith({ headers, auth: { type: 'basic', username: 'u', password: 'p' } })).toEqual([
      conflict,
    ]);
    expect(issuesWith({ headers, auth: { type: 'api_key', in: 'query', name: 'key', value: 'v' } })).toEqual([
      conflict,
    ]);
    expect(issuesWith({ headers, auth: { type: 'none' } })).toEqual([]);
    expect(issuesWith({ headers, auth: undefined })).toEqual([]);
  });

  it('refuses a custom header that an api_key auth also sets', () => {
    expect(
      issuesWith({
        headers: { 'x-api-key': 'a' },
        auth: { type: 'api_key', in: 'header', name: 'X-Api-Key', value: 'b' },
      }),
    ).toEqual([
      { path: '/headers/x-api-key', message: 'conflicts with auth: configure the credential in one place' },
    ]);
  });
});
