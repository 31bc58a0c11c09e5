import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from 'quickjs-emscripten-core';
import {
  CODE_STACK_BYTES,
  type CodeLimits,
  MAX_CODE_LOG_LINES,
  MAX_CODE_RESULT_CHARS,
} from './code-limits.js';
import { GUEST_PRELUDE } from './guest-prelude.js';
import { loadQuickJs } from './quickjs.js';
import { type CodeFetch, type InnerRequest, sendInnerRequest } from './send-inner-request.js';

export type { CodeFetch, CodeRequest, CodeResponse, InnerRequest } from './send-inner-request.js';

/** Why a run of a code action failed. */
export type CodeErrorKind = 'compile' | 'runtime' | 'cpu' | 'memory' | 'timeout' | 'result';

/** What one run gave: the value the code returned, or why it failed; its requests and log lines either way. */
export type CodeRunResult = { requests: InnerRequest[]; logs: string[] } & (
  | { ok: true; value: unknown }
  | { ok: false; error: { kind: CodeErrorKind; message: string } }
);

export interface RunCodeOptions {
  /** The operator's code: it defines `async function handler({ parameters, context })`. */
  source: string;
  input: { parameters: Record<string, unknown>; context: Record<string, unknown> };
  /** Credentials by name, put into requests where the code wrote `secret(name)`. */
  credentials: Readonly<Record<string, string>>;
  /** Sends the code's requests through the outbound policy. */
  fetch: CodeFetch;
  limits: CodeLimits;
  /** The whole run, requests included. */
  timeoutMs: number;
}

/** Replaces every spelling of a credential the code could meet with a marker. */
export function scrubCredentials(text: string, credentials: Readonly<Record<string, string>>): string {
  let scrubbed = text;
  for (const value of Object.values(credentials)) {
    if (value.length < 4) continue;
    for (const form of new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])) {
      scrubbed = scrubbed.split(form).join('[redacted]');
    }
  }
  return scrubbed;
}

function errorText(dumped: unknown): string {
  if (dumped && typeof dumped === 'object') {
    const { name, message } = dumped as { name?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
  }
  return String(dumped);
}

/**
 * Runs a code action in a QuickJS sandbox (WebAssembly): its own heap capped at
 * `limits.memoryBytes`, interrupted after `limits.cpuMs` of its own running time, a stack cap,
 * and the whole run cut at `timeoutMs`. The code sees only JSON: its input, and what its `fetch`
 * answers. Each request goes through `options.fetch` (the outbound policy), at most
 * `limits.maxRequests` of them, credentials put in on the way out and scrubbed from every answer,
 * log line and result. Never throws for anything the code does.
 *
 * @example
 * await runCodeAction({ source: 'async function handler({ parameters }) { return parameters.n * 2 }', ... });
 * // { ok: true, value: 42, requests: [], logs: [] }
 */
export async function runCodeAction(options: RunCodeOptions): Promise<CodeRunResult> {
  const { limits, credentials } = options;
  const QuickJS = await loadQuickJs(limits.memoryBytes);
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(CODE_STACK_BYTES);
  let used = 0;
  let enteredAt: number | undefined;
  let cpuExceeded = false;
  runtime.setInterruptHandler(() => {
    if (enteredAt === undefined || used + (performance.now() - enteredAt) <= limits.cpuMs) return false;
    cpuExceeded = true;
    return true;
  });
  const inVm = <T>(run: () => T): T => {
    enteredAt = performance.now();
    try {
      return run();
    } finally {
      used += performance.now() - enteredAt;
      enteredAt = undefined;
    }
  };
  const ctx = runtime.newContext();
  const requests: InnerRequest[] = [];
  const logs: string[] = [];
  const pending = new Set<QuickJSDeferredPromise>();
  const abort = new AbortController();
  let closed = false;
  const fail = (kind: CodeErrorKind, message: string): CodeRunResult => ({
    ok: false,
    error: { kind, message: scrubCredentials(message, credentials) },
    requests,
    logs,
  });
  const vmError = (handle: QuickJSHandle, when: 'compile' | 'runtime'): CodeRunResult => {
    const message = errorText(ctx.dump(handle));
    handle.dispose();
    if (cpuExceeded) return fail('cpu', `the code ran longer than its ${limits.cpuMs} ms`);
    if (/out of memory/i.test(message))
      return fail('memory', `the code used more than its ${limits.memoryBytes} bytes of memory`);
    if (/stack overflow/i.test(message))
      return fail('runtime', 'the code recursed too deeply (stack overflow)');
    return fail(when === 'compile' && /^SyntaxError/.test(message) ? 'compile' : 'runtime', message);
  };

  try {
    defineHostFunctions(ctx, {
      request(requestJson) {
        const deferred = ctx.newPromise();
        pending.add(deferred);
        void sendInnerRequest(requestJson, { ...options, requests, signal: abort.signal }).then((outcome) => {
          if (closed) return;
          const value = ctx.newString(scrubCredentials(outcome.json ?? '', credentials));
          if (outcome.error === undefined) deferred.resolve(value);
          else {
            const error = ctx.newError(scrubCredentials(outcome.error, credentials));
            deferred.reject(error);
            error.dispose();
          }
          value.dispose();
          pending.delete(deferred);
          inVm(() => runtime.executePendingJobs());
        });
        return deferred.handle;
      },
      log(line) {
        if (logs.length < MAX_CODE_LOG_LINES) logs.push(scrubCredentials(line.slice(0, 500), credentials));
      },
    });
    const prelude = inVm(() => ctx.evalCode(GUEST_PRELUDE, 'prelude.js'));
    if (prelude.error) return vmError(prelude.error, 'runtime');
    prelude.value.dispose();
    const loaded = inVm(() => ctx.evalCode(options.source, 'action.js'));
    if (loaded.error) return vmError(loaded.error, 'compile');
    loaded.value.dispose();
    const input = ctx.newString(JSON.stringify(options.input));
    ctx.setProp(ctx.global, '__toolgate_input', input);
    input.dispose();
    const started = inVm(() =>
      ctx.evalCode(
        `typeof handler === 'function' ? Promise.resolve(handler(JSON.parse(__toolgate_input))) : Promise.reject(new TypeError('the code must define a function handler({ parameters, context })'))`,
        'start.js',
      ),
    );
    if (started.error) return vmError(started.error, 'runtime');
    const settled = ctx.resolvePromise(started.value);
    started.value.dispose();
    inVm(() => runtime.executePendingJobs());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    const outcome = await Promise.race([settled, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      return fail('timeout', `the code did not finish within ${options.timeoutMs} ms`);
    if (outcome.error) return vmError(outcome.error, 'runtime');
    const value = ctx.dump(outcome.value);
    outcome.value.dispose();
    const json = JSON.stringify(value ?? null);
    if (json.length > MAX_CODE_RESULT_CHARS)
      return fail('result', `the code returned more than ${MAX_CODE_RESULT_CHARS} characters of JSON`);
    return { ok: true, value: JSON.parse(scrubCredentials(json, credentials)), requests, logs };
  } catch (error) {
    // The host itself failed under the code (its stack, the engine); the engine was this run's only.
    return fail(
      'runtime',
      `the code could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    closed = true;
    abort.abort();
    for (const deferred of pending) deferred.dispose();
    try {
      ctx.dispose();
      runtime.dispose();
    } catch {
      // A run cut short left objects alive and the engine aborted freeing them: it was this run's only.
    }
  }
}

/** The two doors of the sandbox, as global functions the prelude takes and removes. */
function defineHostFunctions(
  ctx: QuickJSContext,
  host: { request(requestJson: string): QuickJSHandle; log(line: string): void },
): void {
  const fetchFn = ctx.newFunction('fetch', (request) => host.request(ctx.getString(request)));
  ctx.setProp(ctx.global, '__toolgate_fetch', fetchFn);
  fetchFn.dispose();
  const logFn = ctx.newFunction('log', (line) => {
    host.log(ctx.getString(line));
  });
  ctx.setProp(ctx.global, '__toolgate_log', logFn);
  logFn.dispose();
}
