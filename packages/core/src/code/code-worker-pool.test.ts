import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CODE_LIMITS } from './code-limits.js';
import { createCodeWorkerPool } from './code-worker-pool.js';
import { type CodeFetch, type CodeRequest, runCodeAction } from './run-code-action.js';

const CREDENTIAL = 'tok_live_5be07d19aa';
const pools: Array<ReturnType<typeof createCodeWorkerPool>> = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

function newPool(options: Parameters<typeof createCodeWorkerPool>[0] = {}) {
  const pool = createCodeWorkerPool(options);
  pools.push(pool);
  return pool;
}

function run(pool: ReturnType<typeof createCodeWorkerPool>, source: string, fetch?: CodeFetch) {
  return runCodeAction({
    pool,
    source,
    input: { parameters: {}, context: { call_id: 'call_1' } },
    credentials: { api_token: CREDENTIAL },
    fetch:
      fetch ??
      (async () => {
        throw new Error('no network in this test');
      }),
    limits: { ...DEFAULT_CODE_LIMITS, cpuMs: 5_000, memoryBytes: 64 * 1024 * 1024 },
    timeoutMs: 30_000,
  });
}

describe('createCodeWorkerPool', () => {
  it('never sends a credential to a worker: requests carry placeholders, answers come back scrubbed', async () => {
    const traffic: Array<{ direction: string; message: unknown }> = [];
    const pool = newPool({ observe: (direction, message) => traffic.push({ direction, message }) });
    const sent: CodeRequest[] = [];
    const echo: CodeFetch = async (request) => {
      sent.push(request);
      return {
        status: 200,
        headers: { 'x-echo': request.headers['X-Key'] ?? '' },
        body: JSON.stringify(request),
      };
    };
    const result = await run(
      pool,
      `async function handler() {
        const response = await fetch('https://api.example.com/?key=' + secret('api_token'), {
          method: 'POST', headers: { 'X-Key': secret('api_token') }, body: 'k=' + secret('api_token'),
        });
        return { echoed: await response.text(), header: response.headers['x-echo'] };
      }`,
      echo,
    );
    expect(sent[0]?.headers['X-Key']).toBe(CREDENTIAL);
    expect(result).toMatchObject({ ok: true, value: { header: '[redacted]' } });
    const toWorker = traffic.filter((entry) => entry.direction === 'to-worker');
    expect(toWorker.map((entry) => (entry.message as { type?: string }).type)).toContain('answer');
    expect(JSON.stringify(traffic)).not.toContain(CREDENTIAL);
    expect(JSON.stringify(traffic)).toContain('secret:api_token');
  });

  it('turns a worker that runs out of its own heap into a clean memory failure, and runs on', async () => {
    const pool = newPool({
      idle: 0,
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 4 },
    });
    // The thrown value is copied out of the engine into the worker's heap, which is too small for it.
    const result = await run(
      pool,
      'function handler() { throw Array.from({ length: 3e5 }, (_, i) => ({ i })) }',
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'memory', message: /worker ran out of memory/ },
    });
    expect(await run(pool, 'function handler() { return "still here" }')).toMatchObject({
      ok: true,
      value: 'still here',
    });
  });

  it('keeps idle workers ready, uses each for one run only', async () => {
    const traffic: unknown[] = [];
    const pool = newPool({ idle: 2, observe: (_direction, message) => traffic.push(message) });
    const first = await run(pool, 'function handler() { globalThis.left = "behind"; return 1 }');
    const second = await run(pool, 'function handler() { return typeof globalThis.left }');
    expect([first, second]).toMatchObject([
      { ok: true, value: 1 },
      { ok: true, value: 'undefined' },
    ]);
    const readies = traffic.filter((message) => (message as { type?: string }).type === 'ready');
    expect(readies.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => pool.stats().idle).toBe(2);
    expect(pool.stats()).toMatchObject({ running: 0 });
  });

  it('ends every worker on close: a run in progress fails cleanly, later runs are refused', async () => {
    const pool = newPool({ idle: 1 });
    await run(pool, 'function handler() { return 1 }');
    const endless = run(pool, 'function handler() { for (;;) {} }');
    await expect.poll(() => pool.stats().running).toBe(1);
    await pool.close();
    expect(await endless).toMatchObject({ ok: false, error: { kind: 'runtime', message: /shut down/ } });
    expect(pool.stats()).toEqual({ idle: 0, starting: 0, running: 0 });
    expect(await run(pool, 'function handler() { return 1 }')).toMatchObject({
      ok: false,
      error: { message: /shut down/ },
    });
  });

  it('never holds the process open: a script that leaves its pool open still exits', async () => {
    const pool = fileURLToPath(new URL('./code-worker-pool.ts', import.meta.url));
    const actions = fileURLToPath(new URL('./run-code-action.ts', import.meta.url));
    const script = `
      const { createCodeWorkerPool } = await import(${JSON.stringify(pool)});
      const { runCodeAction } = await import(${JSON.stringify(actions)});
      const pool = createCodeWorkerPool({ idle: 2 });
      const result = await runCodeAction({
        pool, source: 'function handler() { return 6 * 7 }', input: { parameters: {}, context: {} },
        credentials: {}, fetch: async () => { throw new Error('none') },
        limits: { memoryBytes: 16777216, cpuMs: 1000, maxRequests: 1 }, timeoutMs: 20000,
      });
      console.log(JSON.stringify(result.ok && result.value));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { timeout: 60_000 },
    );
    expect(stdout.trim()).toBe('42');
  });
});
