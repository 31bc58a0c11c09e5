import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  server = await startLoopbackHttpsServer((_request, response) => {
    response.end();
  });
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

async function callWith(answer: (response: import('node:http').ServerResponse) => void) {
  server.setHandler((_request, response) => answer(response));
  return executor.execute({ action: orderStatusAction(server), parameters: { order_number: 'ORD-12345' } });
}

describe('response normalization over real HTTPS', () => {
  it('{success:true, result} is ok with the result as data', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { success: true, result: { status: 'shipped' } }),
    );
    expect(result).toMatchObject({ ok: true, status: 200, data: { status: 'shipped' }, truncated: false });
    expect(result.ok && result.message).toBeUndefined();
  });

  it('{success:false, error} is an expected endpoint_error with that message', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { success: false, error: 'Order not found' }),
    );
    expect(result).toMatchObject({
      ok: false,
      status: 200,
      failure: { kind: 'endpoint_error', message: 'Order not found', expected: true },
    });
  });

  it('{error} with 200 is an endpoint_error', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { error: 'No orders for that email address.' }),
    );
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'endpoint_error', message: 'No orders for that email address.' },
    });
  });

  it('{message} is ok and said verbatim', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { message: 'Your order is on the way.' }),
    );
    expect(result).toMatchObject({ ok: true, message: 'Your order is on the way.' });
    expect(result.ok && 'data' in result).toBe(false);
  });

  it('{data} is ok with data', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { data: { order_id: '12345', status: 'shipped' } }),
    );
    expect(result).toMatchObject({ ok: true, data: { order_id: '12345', status: 'shipped' } });
  });

  it('any other JSON is ok with the whole body as data', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { status: 'in transit', eta: 'tomorrow' }),
    );
    expect(result).toMatchObject({ ok: true, data: { status: 'in transit', eta: 'tomorrow' } });
    const list = await callWith((response) => sendJson(response, 200, [1, 2, 3]));
    expect(list).toMatchObject({ ok: true, data: [1, 2, 3] });
  });

  it('non-JSON text is ok with {response_text}', async () => {
    const result = await callWith((response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('Shipped yesterday.');
    });
    expect(result).toMatchObject({ ok: true, data: { response_text: 'Shipped yesterday.' } });
  });

  it('JSON sent as text/plain is still parsed', async () => {
    const result = await callWith((response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('{"message":"ok"}');
    });
    expect(result).toMatchObject({ ok: true, message: 'ok' });
  });

  it('invalid JSON declared as JSON is invalid_response', async () => {
    const result = await callWith((response) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end('{"status": "shipped",');
    });
    expect(result).toMatchObject({ ok: false, status: 200, failure: { kind: 'invalid_response' } });
    expect(result.response?.body).toBe('{"status": "shipped",');
  });

  it('an empty 2xx body is ok with null data', async () => {
    const result = await callWith((response) => {
      response.writeHead(204);
      response.end();
    });
    expect(result).toMatchObject({ ok: true, status: 204, data: null });
  });

  it('4xx is an expected http_error carrying the endpoint message', async () => {
    const result = await callWith((response) =>
      sendJson(response, 404, { error: 'Order not found for that email address.' }),
    );
    expect(result).toMatchObject({
      ok: false,
      status: 404,
      failure: { kind: 'http_error', expected: true, message: 'Order not found for that email address.' },
    });
  });

  it('5xx is an unexpected http_error, with a text body as the message', async () => {
    const result = await callWith((response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('Service Unavailable');
    });
    expect(result).toMatchObject({
      ok: false,
      status: 503,
      failure: { kind: 'http_error', expected: false, message: 'Service Unavailable' },
    });
  });

  it('5xx with no body says the status', async () => {
    const result = await callWith((response) => {
      response.writeHead(500);
      response.end();
    });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'http_error', message: 'the endpoint answered HTTP 500' },
    });
  });

  it('429 is rate_limited with Retry-After', async () => {
    const result = await callWith((response) =>
      sendJson(response, 429, { error: 'slow down' }, { 'retry-after': '30' }),
    );
    expect(result).toMatchObject({
      ok: false,
      status: 429,
      failure: { kind: 'rate_limited', message: 'slow down', retryAfterSeconds: 30 },
    });
  });

  it('a gzip-encoded body is decoded', async () => {
    const result = await callWith((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify({ data: { zipped: true } })));
    });
    expect(result).toMatchObject({ ok: true, data: { zipped: true } });
  });

  it('an unknown content encoding is invalid_response', async () => {
    const result = await callWith((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd-custom' });
      response.end('xx');
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid_response' } });
  });

  it('records the response status, headers and body, and the duration', async () => {
    const result = await callWith((response) =>
      sendJson(response, 200, { message: 'hi' }, { 'x-request-id': 'r-1', 'set-cookie': 'sid=secret' }),
    );
    expect(result.response).toMatchObject({
      status: 200,
      body: '{"message":"hi"}',
      bodyBytes: 16,
      truncated: false,
    });
    expect(result.response?.headers['x-request-id']).toBe('r-1');
    expect(result.response?.headers['set-cookie']).toBe('[redacted]');
    expect(result.durationMs).toBeGreaterThan(0);
  });
});
