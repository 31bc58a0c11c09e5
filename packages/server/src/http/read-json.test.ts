import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { serve } from '@hono/node-server';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orderStatusAction, type TestApp } from '../test/test-app.js';
import { MAX_REQUEST_BODY_BYTES } from './read-json.js';

/** Request bodies over a real socket: the Node server's path, not `app.request()`. */
let t: TestApp;
let server: ReturnType<typeof serve>;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ allowPrivateNetworks: ['127.0.0.0/8'], resolve: async () => ['127.0.0.1'] });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  // undici keeps its sockets alive: without closing them, close() waits out their idle timeout.
  const closed = new Promise((resolve) => server.close(resolve));
  (server as import('node:http').Server).closeAllConnections();
  await closed;
  await t.close();
});

async function post(path: string, body: string | Readable, headers: Record<string, string> = {}) {
  const response = await request(`${base}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${t.tenantA.adminKey}`,
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });
  return { status: response.statusCode, body: (await response.body.json()) as { error?: { code: string } } };
}

describe('request bodies over the Node server', () => {
  it('reads a JSON body and answers as through app.request()', async () => {
    const created = await post('/actions', JSON.stringify(orderStatusAction({ name: 'over_socket' })));
    expect(created.status).toBe(201);
  });

  it('refuses a declared length over the limit with 413 before reading it', async () => {
    const body = JSON.stringify({ name: 'x', description: 'y'.repeat(MAX_REQUEST_BODY_BYTES) });
    const response = await post('/actions', body);
    expect(response).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('refuses a chunked body (no length) once it passes the limit', async () => {
    const chunk = 'y'.repeat(64 * 1024);
    const chunks = ['{"name":"x","description":"', ...Array.from({ length: 6 }, () => chunk), '"}'];
    const response = await post('/actions', Readable.from(chunks));
    expect(response).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('malformed JSON is a 400 saying so', async () => {
    const response = await post('/actions', '{"name": ');
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'malformed_json' } } });
  });
});
