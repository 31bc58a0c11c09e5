import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, TEST_HOST } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
const executors: Executor[] = [];

beforeAll(async () => {
  server = await startLoopbackHttpsServer((request, response) =>
    sendJson(response, 200, { sku: request.url, seenKey: request.headers['x-key'] ?? null, in_stock: 4 }),
  );
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});

async function testExecutor(overrides: Parameters<typeof createTestExecutor>[0] = {}) {
  const created = await createTestExecutor(overrides);
  executors.push(created.executor);
  return created;
}

function codeAction(source: string, overrides: Partial<ActionDefinition> = {}): ActionDefinition {
  return {
    name: 'check_stock',
    description: 'Check how many of a product are in stock.',
    url: server.url('/stock', TEST_HOST),
    method: 'GET',
    timeoutMs: 3_000,
    parameters: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
    code: { source, credentials: { shop_key: 'shop_secret_7d21c9' } },
    ...overrides,
  };
}

const STOCK = `async function handler({ parameters, context }) {
  const response = await fetch('${'BASE'}/stock/' + parameters.sku, { headers: { 'X-Key': secret('shop_key') } });
  const body = await response.json();
  return { inStock: body.in_stock, keyArrived: body.seenKey === 'shop_secret_7d21c9' ? 'yes' : 'no', call: context.call_id };
}`;

describe('a code action through the executor', () => {
  it('is not run by an executor with code actions turned off', async () => {
    const { executor } = await testExecutor({ codeActions: false });
    const result = await executor.execute({
      action: codeAction('function handler() { return 1 }'),
      parameters: { sku: 'x' },
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'code_error', message: /not enabled/ } });
  });

  it('runs the code, whose fetch reaches the endpoint through the outbound policy with the credential put in', async () => {
    const { executor, dialLog } = await testExecutor();
    const source = STOCK.replace('BASE', `https://${TEST_HOST}:${server.port}`);
    const result = await executor.execute({ action: codeAction(source), parameters: { sku: 'SKU-4471' } });
    // The endpoint got the credential; its echo of it reached the code scrubbed.
    expect(server.requests.at(-1)?.headers['x-key']).toBe('shop_secret_7d21c9');
    expect(result).toMatchObject({ ok: true, status: 200, data: { inStock: 4, keyArrived: 'no' } });
    expect(result.ok && (result.data as { call: string }).call).toBe(result.callId);
    expect(dialLog.dialled).toEqual(['127.0.0.1']);
    expect(result.code?.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: expect.stringContaining('/stock/SKU-4471'),
        status: 200,
      }),
    ]);
    expect(JSON.stringify(result)).not.toContain('shop_secret_7d21c9');
  });

  it('refuses a request to a private address from inside the code: no connection is made', async () => {
    const before = server.connections;
    const { executor, dialLog } = await testExecutor({
      resolve: async (hostname) => (hostname === 'internal.example.com' ? ['10.20.30.40'] : []),
    });
    const source = `async function handler() {
      try { await fetch('https://internal.example.com:${server.port}/admin'); return 'reached' }
      catch (error) { return error.message }
    }`;
    const result = await executor.execute({ action: codeAction(source), parameters: { sku: 'x' } });
    expect(result).toMatchObject({ ok: true, data: expect.stringMatching(/fetch failed: .*10\.20\.30\.40/) });
    expect(server.connections).toBe(before);
    expect(dialLog.dialled).toEqual([]);
  });

  it('reports a failing code as code_error, after validating the arguments first', async () => {
    const { executor } = await testExecutor();
    const thrown = await executor.execute({
      action: codeAction('function handler() { throw new Error("no such product") }'),
      parameters: { sku: 'x' },
    });
    expect(thrown).toMatchObject({ ok: false, failure: { kind: 'code_error', message: /no such product/ } });
    const missing = await executor.execute({
      action: codeAction('function handler() { return 1 }'),
      parameters: {},
    });
    expect(missing).toMatchObject({ ok: false, failure: { kind: 'invalid_arguments' } });
  });

  it('runs code actions by default, and ends their sandbox workers on close', async () => {
    const { executor } = await testExecutor();
    const call = { action: codeAction('function handler() { return "ran" }'), parameters: { sku: 'x' } };
    expect(await executor.execute(call)).toMatchObject({ ok: true, data: 'ran' });
    executors.splice(executors.indexOf(executor), 1);
    await executor.close();
    expect(await executor.execute(call)).toMatchObject({
      ok: false,
      failure: { kind: 'code_error', message: /shut down/ },
    });
  });

  it('can be closed twice (a shutdown hook and a cleanup): the second close waits for the first', async () => {
    const { executor } = await testExecutor();
    const call = { action: codeAction('function handler() { return "ran" }'), parameters: { sku: 'x' } };
    expect(await executor.execute(call)).toMatchObject({ ok: true });
    executors.splice(executors.indexOf(executor), 1);
    await expect(Promise.all([executor.close(), executor.close()])).resolves.toBeDefined();
    await expect(executor.close()).resolves.toBeUndefined();
  });

  it('words an outbound refusal of its code as a code action request, not a model endpoint', async () => {
    const { executor } = await testExecutor();
    const source = `async function handler() { await fetch('http://127.0.0.1:9/never'); return 1 }`;
    const result = await executor.execute({ action: codeAction(source), parameters: { sku: 'x' } });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.failure.message;
    expect(message).toMatch(/code action request/);
    expect(message).not.toMatch(/model/);
  });
});
