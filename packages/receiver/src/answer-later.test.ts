import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLater } from './answer-later.js';

const received: Array<{ url: string; body: string; contentType: string | undefined }> = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    received.push({ url: request.url ?? '', body, contentType: request.headers['content-type'] });
    const used = received.filter((entry) => entry.url === request.url).length > 1;
    response.writeHead(used ? 409 : 200, { 'content-type': 'application/json' });
    response.end(
      used ? JSON.stringify({ error: { code: 'callback_used', message: 'used' } }) : '{"ok":true}',
    );
  });
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('answerLater', () => {
  it('answers 202 now and POSTs the result once to the callback URL later', async () => {
    const later = answerLater({ call_id: 'call_1', callback_url: `${base}/api/v1/callbacks/tok_a` });
    expect(later.accepted("I'm checking with the warehouse")).toEqual({
      status: 202,
      body: { message: "I'm checking with the warehouse" },
    });
    expect(later.accepted()).toEqual({ status: 202, body: {} });
    expect(await later.deliver({ data: { inStock: 3 } })).toEqual({ ok: true, status: 200 });
    expect(received.at(-1)).toEqual({
      url: '/api/v1/callbacks/tok_a',
      body: '{"data":{"inStock":3}}',
      contentType: 'application/json',
    });
  });

  it("returns Toolgate's refusal of a second delivery instead of throwing", async () => {
    const later = answerLater({ call_id: 'call_2', callback_url: `${base}/api/v1/callbacks/tok_b` });
    await later.deliver({ data: 1 });
    expect(await later.deliver({ data: 2 })).toEqual({ ok: false, status: 409, code: 'callback_used' });
  });

  it('refuses a context without a callback URL, naming the call', () => {
    expect(() => answerLater({ call_id: 'call_3' })).toThrow(/call_3 has no context.callback_url/);
  });
});
