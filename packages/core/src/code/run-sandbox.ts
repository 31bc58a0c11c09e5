import type {
  QuickJSContext,
  QuickJSDeferredPromise,
  QuickJSHandle,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import {
  CODE_STACK_BYTES,
  type CodeLimits,
  MAX_CODE_LOG_LINES,
  MAX_CODE_RESULT_CHARS,
} from './code-limits.js';
import {
  type CodeErrorKind,
  MAX_CODE_ERROR_CHARS,
  MAX_INNER_REQUEST_JSON_CHARS,
  type SandboxOutcome,
} from './code-worker-protocol.js';
import { GUEST_PRELUDE } from './guest-prelude.js';

/** What the sandbox needs of the thread that hosts it. */
export interface SandboxHost {
  /** One `fetch` of the code, as JSON; resolves with the answer as JSON or the error to reject with. */
  request(json: string): Promise<{ json?: string; error?: string }>;
  /** The engine starts running the code (a stretch the CPU limit counts). */
  entered(): void;
  /** The engine stopped running it (it waits for a request, or is done). */
  left(): void;
  /** One `console.log` line, cut at 500 characters (at most {@link MAX_CODE_LOG_LINES} a run). */
  log(line: string): void;
}

export interface SandboxRunOptions {
  source: string;
  inputJson: string;
  limits: Pick<CodeLimits, 'memoryBytes' | 'cpuMs'>;
}

const START = `typeof handler === 'function'
  ? Promise.resolve(handler(JSON.parse(__toolgate_input))).then((value) => JSON.stringify(value) ?? 'null')
  : Promise.reject(new TypeError('the code must define a function handler({ parameters, context })'))`;

function errorText(dumped: unknown): string {
  if (dumped && typeof dumped === 'object') {
    const { name, message } = dumped as { name?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
  }
  return String(dumped);
}

/**
 * Runs a code action in a fresh QuickJS engine (`QuickJS`, one instance per run): its heap is the
 * instance's bounded WebAssembly memory, it is interrupted after `limits.cpuMs` of its own running
 * time, and its stack is capped. The code sees only JSON: its input and what `host.request`
 * answers. Runs in a sandbox worker; it holds no credential and no network. Never throws for
 * anything the code does.
 */
export async function runSandbox(
  QuickJS: QuickJSWASMModule,
  options: SandboxRunOptions,
  host: SandboxHost,
): Promise<SandboxOutcome> {
  const { limits } = options;
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
    host.entered();
    enteredAt = performance.now();
    try {
      return run();
    } finally {
      used += performance.now() - enteredAt;
      enteredAt = undefined;
      host.left();
    }
  };
  const ctx = runtime.newContext();
  let logged = 0;
  const pending = new Set<QuickJSDeferredPromise>();
  let closed = false;
  const fail = (kind: CodeErrorKind, message: string): SandboxOutcome => ({
    ok: false,
    error: { kind, message: message.slice(0, MAX_CODE_ERROR_CHARS) },
  });
  const vmError = (handle: QuickJSHandle, when: 'compile' | 'runtime') => {
    const message = errorText(ctx.dump(handle));
    handle.dispose();
    if (cpuExceeded)
      return fail('cpu', `the code ran longer than its ${limits.cpuMs} ms (time limit exceeded)`);
    if (/out of memory/i.test(message))
      return fail('memory', `the code used more than its ${limits.memoryBytes} bytes of memory`);
    if (/stack overflow/i.test(message))
      return fail('runtime', 'the code recursed too deeply (stack overflow)');
    return fail(when === 'compile' && /^SyntaxError/.test(message) ? 'compile' : 'runtime', message);
  };
  const answer = (deferred: QuickJSDeferredPromise, reply: { json?: string; error?: string }) => {
    pending.delete(deferred);
    if (closed) return;
    const value = ctx.newString(reply.json ?? '');
    if (reply.error === undefined) deferred.resolve(value);
    else {
      const error = ctx.newError(reply.error);
      deferred.reject(error);
      error.dispose();
    }
    value.dispose();
    inVm(() => runtime.executePendingJobs());
  };

  try {
    defineHostFunctions(ctx, {
      request(requestJson) {
        const deferred = ctx.newPromise();
        pending.add(deferred);
        if (requestJson.length > MAX_INNER_REQUEST_JSON_CHARS) {
          const error = `fetch failed: a request may be at most ${MAX_INNER_REQUEST_JSON_CHARS} characters of JSON`;
          void Promise.resolve().then(() => answer(deferred, { error }));
        } else void host.request(requestJson).then((reply) => answer(deferred, reply));
        return deferred.handle;
      },
      log(line) {
        if (logged >= MAX_CODE_LOG_LINES) return;
        logged += 1;
        host.log(line.slice(0, 500));
      },
    });
    const prelude = inVm(() => ctx.evalCode(GUEST_PRELUDE, 'prelude.js'));
    if (prelude.error) return vmError(prelude.error, 'runtime');
    prelude.value.dispose();
    const loaded = inVm(() => ctx.evalCode(options.source, 'action.js'));
    if (loaded.error) return vmError(loaded.error, 'compile');
    loaded.value.dispose();
    const input = ctx.newString(options.inputJson);
    ctx.setProp(ctx.global, '__toolgate_input', input);
    input.dispose();
    const started = inVm(() => ctx.evalCode(START, 'start.js'));
    if (started.error) return vmError(started.error, 'runtime');
    const settled = ctx.resolvePromise(started.value);
    started.value.dispose();
    inVm(() => runtime.executePendingJobs());
    const outcome = await settled;
    if (outcome.error) return vmError(outcome.error, 'runtime');
    // The code's JSON, measured before it is copied out of the engine.
    const length = ctx.getProp(outcome.value, 'length');
    const chars = ctx.getNumber(length);
    length.dispose();
    if (chars > MAX_CODE_RESULT_CHARS) {
      outcome.value.dispose();
      return fail('result', `the code returned more than ${MAX_CODE_RESULT_CHARS} characters of JSON`);
    }
    const json = ctx.getString(outcome.value);
    outcome.value.dispose();
    return { ok: true, json };
  } catch (error) {
    // The host itself failed under the code (its stack, the engine); the engine was this run's only.
    return fail(
      'runtime',
      `the code could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    closed = true;
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
