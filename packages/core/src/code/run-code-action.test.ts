import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CODE_LIMITS } from './code-limits.js';
import { createCodeWorkerPool } from './code-worker-pool.js';
import { type CodeFetch, type CodeRequest, runCodeAction } from './run-code-action.js';

const pool = createCodeWorkerPool();
afterAll(() => pool.close());

const input = { parameters: { n: 21, sku: 'SKU-1' }, context: { call_id: 'call_1' } };
const noFetch: CodeFetch = async () => {
  throw new Error('no network in this test');
};

function run(source: string, overrides: Partial<Parameters<typeof runCodeAction>[0]> = {}) {
  return runCodeAction({
    pool,
    source,
    input,
    credentials: { api_token: 'tok_live_8f3a9c2e71' },
    fetch: noFetch,
    limits: DEFAULT_CODE_LIMITS,
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** A fetch that answers from memory and keeps what it was sent. */
function recordingFetch(answer: (request: CodeRequest) => { status: number; body: string }) {
  const sent: CodeRequest[] = [];
  const fetch: CodeFetch = async (request) => {
    sent.push(request);
    return { headers: { 'content-type': 'application/json' }, ...answer(request) };
  };
  return { sent, fetch };
}

describe('runCodeAction: the code and its result', () => {
  it('runs handler with the parameters and context and returns its value', async () => {
    const result = await run(
      'async function handler({ parameters, context }) { return { doubled: parameters.n * 2, call: context.call_id } }',
    );
    expect(result).toMatchObject({ ok: true, value: { doubled: 42, call: 'call_1' } });
  });

  it('reports a syntax error as a compile error with where it is', async () => {
    const result = await run('async function handler( { return 1 }');
    expect(result).toMatchObject({ ok: false, error: { kind: 'compile' } });
    if (!result.ok) expect(result.error.message).toMatch(/SyntaxError/);
  });

  it('says so when the code defines no handler, and passes a thrown error on', async () => {
    expect(await run('const x = 1;')).toMatchObject({
      ok: false,
      error: { message: /must define a function handler/ },
    });
    expect(await run('function handler() { throw new Error("out of stock") }')).toMatchObject({
      ok: false,
      error: { kind: 'runtime', message: 'Error: out of stock' },
    });
  });

  it('keeps console.log lines, capped', async () => {
    const result = await run(
      'function handler() { for (let i = 0; i < 80; i++) console.log("line", i); return 1 }',
    );
    expect(result.logs).toHaveLength(50);
    expect(result.logs[0]).toBe('line 0');
  });
});

describe('runCodeAction: attacks on the sandbox', () => {
  it('stops an endless loop at its CPU limit', async () => {
    const result = await run('function handler() { while (true) {} }', {
      limits: { ...DEFAULT_CODE_LIMITS, cpuMs: 200 },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'cpu' } });
  });

  it('stops an endless loop of promises too', async () => {
    const result = await run('async function handler() { for (;;) { await null } }', {
      limits: { ...DEFAULT_CODE_LIMITS, cpuMs: 200 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['cpu', 'timeout']).toContain(result.error.kind);
  });

  it.each([
    ['strings', 'function handler() { const all = []; for (;;) all.push("x".repeat(1 << 20) + all.length) }'],
    [
      'arrays',
      'function handler() { const all = []; for (;;) all.push(new Array(100000).fill(all.length)) }',
    ],
    ['objects', 'function handler() { const all = []; for (let i = 0; ; i++) all.push({ i, s: "y" + i }) }'],
  ])('stops a memory bomb of %s at its memory limit', async (_kind, source) => {
    const result = await run(source, {
      limits: { ...DEFAULT_CODE_LIMITS, memoryBytes: 8 * 1024 * 1024, cpuMs: 5_000 },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'memory' } });
  });

  it('interrupts catastrophic regular-expression backtracking at its CPU limit', async () => {
    const result = await run('function handler() { return /^(a+)+$/.test("a".repeat(40) + "b") }', {
      limits: { ...DEFAULT_CODE_LIMITS, cpuMs: 200 },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'cpu' } });
  });

  it('fails deep recursion instead of crashing the host', async () => {
    const result = await run('function handler() { const f = (n) => f(n + 1) + 1; return f(0) }');
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', message: /stack overflow/ } });
  });

  it('has no way to the host: no require, process, host functions, or host prototypes', async () => {
    const result = await run(`function handler() {
      Object.prototype.polluted = 'yes';
      Array.prototype.push = () => 'hijacked';
      const ctor = (function () {}).constructor.constructor;
      let escaped;
      try { escaped = typeof ctor('return this')().process } catch (e) { escaped = 'threw' }
      return {
        require: typeof require, process: typeof process, importScripts: typeof importScripts,
        hostFetch: typeof globalThis.__toolgate_fetch, hostLog: typeof globalThis.__toolgate_log,
        escaped,
      };
    }`);
    expect(result).toMatchObject({
      ok: true,
      value: {
        require: 'undefined',
        process: 'undefined',
        importScripts: 'undefined',
        hostFetch: 'undefined',
        hostLog: 'undefined',
      },
    });
    if (result.ok) expect(['undefined', 'threw']).toContain((result.value as { escaped: string }).escaped);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([1].push(2)).toBe(2);
  });

  it('times the whole run out when a request never answers', async () => {
    const result = await run(
      'async function handler() { await fetch("https://api.example.com/slow"); return 1 }',
      {
        fetch: () => new Promise(() => {}),
        timeoutMs: 300,
      },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });
});

describe('runCodeAction: long built-in calls the interrupt handler cannot reach', () => {
  // Each ran 100-430 s against a 500 ms limit on the server's own thread before the worker.
  it.each([
    ['a loop of long string repeats', "function handler() { for (;;) 'x'.repeat(1 << 24).length }"],
    [
      'a catastrophic regular expression in a loop',
      "function handler() { const s = 'a'.repeat(5000) + 'b'; for (;;) /^(a|a?)+$/.test(s) }",
    ],
    [
      'a loop of huge sorts',
      'function handler() { const a = Array.from({ length: 200000 }, (_, i) => (i * 7919) % 200000); for (;;) a.slice().sort() }',
    ],
    [
      'a loop of huge joins',
      "function handler() { const a = new Array(1 << 20).fill('ab'); for (;;) a.join('-').length }",
    ],
  ])('stops %s at its CPU limit while this thread keeps running', async (_attack, source) => {
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 10);
    const result = await run(source, {
      limits: { ...DEFAULT_CODE_LIMITS, cpuMs: 300, memoryBytes: 64 * 1024 * 1024 },
      timeoutMs: 60_000,
    }).finally(() => clearInterval(ticker));
    expect(result).toMatchObject({ ok: false, error: { kind: 'cpu', message: /time limit exceeded/ } });
    // The event loop of this thread ran during the run (it took at least its 300 ms).
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('runCodeAction: fetch and credentials', () => {
  it('sends the request with the credential put in where the code wrote secret(name)', async () => {
    const shop = recordingFetch(() => ({ status: 200, body: '{"in_stock":3}' }));
    const result = await run(
      `async function handler({ parameters }) {
        const response = await fetch('https://api.example.com/stock/' + parameters.sku, {
          headers: { Authorization: 'Bearer ' + secret('api_token') },
        });
        return { status: response.status, data: await response.json() };
      }`,
      { fetch: shop.fetch },
    );
    expect(result).toMatchObject({ ok: true, value: { status: 200, data: { in_stock: 3 } } });
    expect(shop.sent[0]).toMatchObject({
      method: 'GET',
      url: 'https://api.example.com/stock/SKU-1',
      headers: { Authorization: 'Bearer tok_live_8f3a9c2e71' },
    });
    expect(result.requests).toEqual([
      {
        method: 'GET',
        url: 'https://api.example.com/stock/SKU-1',
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it('never lets the code read a credential: not from secret(), not echoed back, not in logs or results', async () => {
    const echo = recordingFetch((request) => ({ status: 200, body: JSON.stringify(request) }));
    const result = await run(
      `async function handler() {
        const placeholder = secret('api_token');
        const echoed = await (await fetch('https://echo.example.com/?t=' + secret('api_token'), {
          method: 'POST', headers: { 'X-Key': secret('api_token') }, body: secret('api_token'),
        })).text();
        console.log(echoed);
        return { placeholder, echoed };
      }`,
      { fetch: echo.fetch },
    );
    expect(echo.sent[0]?.headers['X-Key']).toBe('tok_live_8f3a9c2e71');
    expect(JSON.stringify(result)).not.toContain('tok_live_8f3a9c2e71');
    expect(result).toMatchObject({ ok: true, value: { echoed: expect.stringContaining('[redacted]') } });
    expect(result.requests[0]?.url).toContain('secret:api_token');
  });

  it('refuses a credential the action does not have (another action’s)', async () => {
    const shop = recordingFetch(() => ({ status: 200, body: '{}' }));
    const result = await run(
      `async function handler() {
        try { await fetch('https://api.example.com', { headers: { A: secret('other_action_key') } }) }
        catch (e) { return String(e.message) }
      }`,
      { fetch: shop.fetch },
    );
    expect(result).toMatchObject({
      ok: true,
      value: 'fetch failed: there is no credential named "other_action_key"',
    });
    expect(shop.sent).toEqual([]);
  });

  it('allows at most maxRequests requests a run', async () => {
    const shop = recordingFetch(() => ({ status: 200, body: '{}' }));
    const result = await run(
      `async function handler() {
        let made = 0;
        for (let i = 0; i < 5; i++) { try { await fetch('https://api.example.com/' + i); made++ } catch (e) { return { made, error: e.message } } }
        return { made };
      }`,
      { fetch: shop.fetch, limits: { ...DEFAULT_CODE_LIMITS, maxRequests: 3 } },
    );
    expect(result).toMatchObject({ ok: true, value: { made: 3, error: /at most 3 requests/ } });
    expect(shop.sent).toHaveLength(3);
  });

  it('passes a refused request on to the code as a failed fetch', async () => {
    const result = await run(
      `async function handler() { try { await fetch('https://10.0.0.5/') } catch (e) { return e.message } }`,
      {
        fetch: async () => {
          throw new Error('blocked: 10.0.0.5 is a private address');
        },
      },
    );
    expect(result).toMatchObject({ ok: true, value: 'fetch failed: blocked: 10.0.0.5 is a private address' });
  });
});

describe('checkCodeSource and the engine after runs cut short', () => {
  it('reports a syntax error with its line, and accepts code without running it', async () => {
    const { checkCodeSource } = await import('./check-code-source.js');
    const [issue] = await checkCodeSource('async function handler() {\n  return (1 +;\n}', '/code/source');
    expect(issue).toMatchObject({
      path: '/code/source',
      message: expect.stringMatching(/^SyntaxError: .*\(line 2\)$/),
    });
    expect(await checkCodeSource('while (true) {}\nfunction handler() {}', '/code/source')).toEqual([]);
  });

  it('still runs code after runs that were cut short', async () => {
    for (let i = 0; i < 3; i += 1) {
      await run('async function handler() { await fetch("https://api.example.com"); }', {
        fetch: () => new Promise(() => {}),
        timeoutMs: 50,
      });
    }
    expect(await run('function handler() { return "still here" }')).toMatchObject({
      ok: true,
      value: 'still here',
    });
  });
});
