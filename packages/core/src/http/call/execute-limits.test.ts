import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';
import { DEFAULT_RESPONSE_CAP_BYTES } from './create-executor.js';

let server: LoopbackHttpsServer;
let executor: Executor;
/** Bytes the server managed to write for the current streaming response before the client hung up. */
let bytesWritten = 0;

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

/**
 * Streams `total` bytes of `fill` in 64 KB chunks, honouring back-pressure, counting what was
 * written; the promise settles when the endpoint's response is closed (finished or cut).
 */
function streamHuge(total: number, contentType: string, prefix = ''): Promise<void> {
  bytesWritten = 0;
  let closed: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    closed = resolve;
  });
  server.setHandler((_request, response) => {
    response.writeHead(200, { 'content-type': contentType });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    response.write(prefix);
    const pump = () => {
      while (bytesWritten < total) {
        if (response.destroyed) return;
        bytesWritten += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('close', () => closed());
    pump();
  });
  return done;
}

describe('limits', () => {
  it('cuts a huge body at the 50 KB cap, marks it truncated, and stops reading', async () => {
    const total = 256 * 1024 * 1024;
    const endpointClosed = streamHuge(total, 'text/plain');
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
    });
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(result.response?.bodyBytes).toBe(DEFAULT_RESPONSE_CAP_BYTES);
    expect(result.ok && result.data).toEqual({ response_text: 'a'.repeat(DEFAULT_RESPONSE_CAP_BYTES) });
    // The connection was closed long before the endpoint finished: only socket buffers were sent.
    await endpointClosed;
    expect(bytesWritten).toBeLessThan(total / 16);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('cuts truncated JSON into response_text instead of failing', async () => {
    streamHuge(512 * 1024, 'application/json', '{"items":"');
    const result = await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
    });
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(
      result.ok && (result.data as { response_text: string }).response_text.startsWith('{"items":"aaa'),
    ).toBe(true);
  });

  it('honours a smaller configured cap', async () => {
    const { executor: small } = await createTestExecutor({ responseCapBytes: 10 });
    server.setHandler((_request, response) =>
      sendJson(response, 200, { message: 'this is longer than ten bytes' }),
    );
    const result = await small.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
    });
    await small.close();
    expect(result).toMatchObject({ ok: true, truncated: true, data: { response_text: '{"message"' } });
  });

  it('holds the total deadline against a slow-drip body', async () => {
    let dripping: NodeJS.Timeout | undefined;
    server.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":"');
      dripping = setInterval(() => {
        if (!response.destroyed) response.write('a');
      }, 100);
      response.on('close', () => clearInterval(dripping));
    });
    const started = Date.now();
    const result = await executor.execute({
      action: orderStatusAction(server, { timeoutMs: 1_000 }),
      parameters: { order_number: 'ORD-1' },
    });
    const elapsed = Date.now() - started;
    clearInterval(dripping);
    expect(result).toMatchObject({ ok: false, status: 200, failure: { kind: 'timeout' } });
    expect(elapsed).toBeLessThan(2_500);
  });

  it('holds the deadline when headers never come', async () => {
    server.setHandler(() => undefined);
    const result = await executor.execute({
      action: orderStatusAction(server, { timeoutMs: 1_000 }),
      parameters: { order_number: 'ORD-1' },
    });
    expect(result).toMatchObject({
      ok: false,
      status: null,
      failure: { kind: 'timeout', message: expect.stringContaining('1000 ms') },
    });
  });

  it('refuses a request body over the request cap without sending it', async () => {
    const before = server.requests.length;
    const result = await executor.execute({
      action: orderStatusAction(server, {
        parameters: { type: 'object', properties: { note: { type: 'string' } }, required: ['note'] },
      }),
      parameters: { note: 'x'.repeat(101 * 1024) },
    });
    expect(result).toMatchObject({ ok: false, status: null, failure: { kind: 'too_large' } });
    expect(server.requests.length).toBe(before);
  });
});
