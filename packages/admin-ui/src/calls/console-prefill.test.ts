import { describe, expect, it } from 'vitest';
import { callParameters, consolePrefill, fromCallParam, testConsoleHref } from './console-prefill';
import { callRecord } from './testing/call-fixture';

const getRequest = (url: string) => ({ method: 'GET', url, headers: {} });

describe('testConsoleHref and fromCallParam', () => {
  it("links to the action's page with the call, and reads it back", () => {
    const href = testConsoleHref({ id: 'call_1', actionId: 'act_1' });
    expect(href).toBe('/actions/act_1/test?fromCall=call_1');
    expect(fromCallParam(new URL(href ?? '', 'https://x').search)).toBe('call_1');
    expect(fromCallParam('?fromCall=%20')).toBeUndefined();
    expect(fromCallParam('')).toBeUndefined();
  });

  it('has no link for a call of no action', () => {
    expect(testConsoleHref({ id: 'call_1', actionId: null })).toBeNull();
  });
});

describe('callParameters', () => {
  it("reads the envelope's parameters of a POST", () => {
    expect(callParameters(callRecord())).toEqual({
      ok: true,
      parameters: { order_number: 'ORD-1', express: true },
      redacted: [],
    });
  });

  it('reads the query and the path placeholders of a GET, not the URL’s own query', () => {
    const call = callRecord({
      request: getRequest('https://x.example/orders/ORD%201/items?v=2&email=a%40b.c&n=3'),
    });
    expect(callParameters(call, { url: 'https://x.example/orders/{order}/items?v=2' })).toEqual({
      ok: true,
      parameters: { order: 'ORD 1', email: 'a@b.c', n: '3' },
      redacted: [],
    });
    const prefixed = callRecord({ request: getRequest('https://x.example/o/id-7.json') });
    expect(callParameters(prefixed, { url: 'https://x.example/o/id-{id}.json' })).toMatchObject({
      parameters: { id: '7' },
    });
  });

  it('leaves out and names redacted values', () => {
    const call = callRecord({ request: getRequest('https://x.example/o?key=%5Bredacted%5D&n=1') });
    expect(callParameters(call)).toEqual({ ok: true, parameters: { n: '1' }, redacted: ['key'] });
  });

  it('says why when the parameters cannot be read back', () => {
    const reason = (call: ReturnType<typeof callRecord>, action = {}) => {
      const read = callParameters(call, action);
      return read.ok ? 'read' : read.reason;
    };
    expect(reason(callRecord({ request: null }))).toMatch(/no request was built/i);
    expect(reason(callRecord(), { bodyTemplate: { id: '{{parameters.n}}' } })).toMatch(/body template/);
    const post = (body: string) =>
      callRecord({ request: { method: 'POST', url: 'https://x', headers: {}, body } });
    expect(reason(post('{"action":"a","parameters":{"n":'))).toMatch(/10 KB/);
    expect(reason(post('{"n":1}'))).toMatch(/envelope/);
    expect(reason(callRecord({ request: getRequest('not a url') }))).toMatch(/does not parse/);
  });
});

describe('consolePrefill', () => {
  const action = {
    id: callRecord().actionId ?? '',
    definition: {
      url: 'https://orders.example.com/status',
      parameters: {
        type: 'object',
        properties: { order_number: { type: 'string' }, express: { type: 'boolean' } },
      },
    },
  };

  it("fills the console's fields with the call's parameters", () => {
    expect(consolePrefill(callRecord(), action)).toEqual({
      values: { order_number: 'ORD-1', express: '0' },
      note: 'Filled in with the parameters of call call_1.',
    });
  });

  it('says which values to type again, and why nothing could be filled', () => {
    const redacted = callRecord({
      request: {
        ...getRequest('https://orders.example.com/status?order_number=%5Bredacted%5D&express=false'),
      },
    });
    expect(consolePrefill(redacted, action)).toEqual({
      values: { express: '1' },
      note: 'Filled in with the parameters of call call_1. Type again the values the log keeps redacted: order_number.',
    });
    expect(consolePrefill(callRecord({ request: null }), action).note).toMatch(/^Could not fill in/);
    expect(consolePrefill(callRecord({ actionId: 'act_other' }), action)).toEqual({
      values: {},
      note: 'Call call_1 was made by another action, so its parameters were not filled in.',
    });
  });
});
