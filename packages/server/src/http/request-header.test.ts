import type { Context } from 'hono';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestHeader } from './request-header.js';

/** A context as the Node server gives it: the Node request in `env.incoming`. */
function nodeContext(rawHeaders: string[]): Context {
  const c = { env: { incoming: { rawHeaders } }, req: { header: () => 'not read' } };
  return c as unknown as Context;
}

describe('requestHeader', () => {
  it('reads a header from the Node request, whatever the case of its name', () => {
    const c = nodeContext(['Host', 'x', 'Authorization', 'Bearer tg_1', 'X-Request-Id', 'abc']);
    expect(requestHeader(c, 'authorization')).toBe('Bearer tg_1');
    expect(requestHeader(c, 'x-request-id')).toBe('abc');
    expect(requestHeader(c, 'origin')).toBeUndefined();
  });

  it('joins a repeated header with ", " and trims HTTP whitespace, as Headers.get does', () => {
    const c = nodeContext(['authorization', 'Bearer a', 'AUTHORIZATION', ' Bearer b\t']);
    const headers = new Headers([
      ['authorization', 'Bearer a'],
      ['AUTHORIZATION', ' Bearer b\t'],
    ]);
    expect(requestHeader(c, 'authorization')).toBe(headers.get('authorization'));
    expect(requestHeader(c, 'authorization')).toBe('Bearer a, Bearer b');
  });

  it('falls back to c.req.header outside the Node server (app.request in tests)', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(requestHeader(c, 'x-thing') ?? 'none'));
    expect(await (await app.request('/', { headers: { 'X-Thing': 'yes' } })).text()).toBe('yes');
    expect(await (await app.request('/')).text()).toBe('none');
  });
});
