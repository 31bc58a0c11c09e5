import { type CodeLimits, MAX_CODE_LOG_LINES } from './code-limits.js';
import type { CodeWorker, CodeWorkerExit, CodeWorkerPool } from './code-worker-pool.js';
import type { CodeErrorKind, FromWorker } from './code-worker-protocol.js';
import { type CodeFetch, type InnerRequest, sendInnerRequest } from './send-inner-request.js';

export type { CodeErrorKind } from './code-worker-protocol.js';
export type { CodeFetch, CodeRequest, CodeResponse, InnerRequest } from './send-inner-request.js';

/**
 * Past its CPU limit by this much, a worker that has not stopped itself (a long built-in call
 * between two polls of the interrupt handler) is terminated: the handler stops ordinary code
 * on time; this is for what it cannot reach, with room for a loaded machine.
 */
export const CODE_CPU_MARGIN_MS = 250;

/** What one run gave: the value the code returned, or why it failed; its requests and log lines either way. */
export type CodeRunResult = { requests: InnerRequest[]; logs: string[] } & (
  | { ok: true; value: unknown }
  | { ok: false; error: { kind: CodeErrorKind; message: string } }
);

export interface RunCodeOptions {
  /** The sandbox workers (one is taken for this run and discarded after it). */
  pool: CodeWorkerPool;
  /** The operator's code: it defines `async function handler({ parameters, context })`. */
  source: string;
  input: { parameters: Record<string, unknown>; context: Record<string, unknown> };
  /** Credentials by name, put into requests where the code wrote `secret(name)`; never sent to the worker. */
  credentials: Readonly<Record<string, string>>;
  /** Sends the code's requests through the outbound policy (on this thread). */
  fetch: CodeFetch;
  limits: CodeLimits;
  /** The whole run, waiting for a worker and requests included. */
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

/**
 * Runs a code action in a sandbox worker: QuickJS in its own thread, heap capped at
 * `limits.memoryBytes`, interrupted after `limits.cpuMs` of its own running time and, if a long
 * built-in call keeps it from noticing, terminated at `limits.cpuMs` + {@link CODE_CPU_MARGIN_MS};
 * the whole run is cut at `timeoutMs`. This thread's event loop never waits on the code. Each
 * `fetch` of the code comes here as a message and goes through `options.fetch` (the outbound
 * policy), at most `limits.maxRequests` of them, credentials put in here on the way out and
 * scrubbed from every answer before it goes back, and from log lines and the result. Never
 * throws for anything the code does.
 *
 * @example
 * await runCodeAction({ pool, source: 'async function handler({ parameters }) { return parameters.n * 2 }', ... });
 * // { ok: true, value: 42, requests: [], logs: [] }
 */
export async function runCodeAction(options: RunCodeOptions): Promise<CodeRunResult> {
  const { limits, credentials } = options;
  const requests: InnerRequest[] = [];
  const logs: string[] = [];
  const fail = (kind: CodeErrorKind, message: string): CodeRunResult => ({
    ok: false,
    error: { kind, message: scrubCredentials(message, credentials) },
    requests,
    logs,
  });
  const abort = new AbortController();
  const whole = setTimeout(() => abort.abort(), options.timeoutMs);
  let worker: CodeWorker;
  try {
    worker = await options.pool.take(abort.signal);
  } catch (error) {
    clearTimeout(whole);
    if (abort.signal.aborted) return fail('timeout', `no sandbox was free within ${options.timeoutMs} ms`);
    return fail(
      'runtime',
      `the code could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (abort.signal.aborted) {
    // The time ran out while the worker started: it goes unused.
    worker.release();
    return fail('timeout', `the code did not finish within ${options.timeoutMs} ms`);
  }
  return new Promise<CodeRunResult>((resolve) => {
    let done = false;
    let usedMs = 0;
    let busySince: number | undefined;
    let cpuTimer: NodeJS.Timeout | undefined;
    const finish = (result: CodeRunResult) => {
      if (done) return;
      done = true;
      clearTimeout(whole);
      clearTimeout(cpuTimer);
      abort.abort();
      worker.release();
      resolve(result);
    };
    abort.signal.addEventListener('abort', () =>
      finish(fail('timeout', `the code did not finish within ${options.timeoutMs} ms`)),
    );
    worker.onExit((exit: CodeWorkerExit) =>
      finish(
        fail(exit.kind === 'memory' ? 'memory' : 'runtime', `the code could not finish: ${exit.message}`),
      ),
    );
    worker.onMessage((message: FromWorker) => {
      if (done) return;
      switch (message.type) {
        case 'busy':
          busySince = performance.now();
          cpuTimer = setTimeout(
            () =>
              finish(
                fail(
                  'cpu',
                  `the code ran longer than its ${limits.cpuMs} ms (time limit exceeded: its worker was stopped)`,
                ),
              ),
            Math.max(0, limits.cpuMs + CODE_CPU_MARGIN_MS - usedMs),
          );
          return;
        case 'idle':
          if (busySince !== undefined) usedMs += performance.now() - busySince;
          busySince = undefined;
          clearTimeout(cpuTimer);
          return;
        case 'request':
          void sendInnerRequest(message.json, { ...options, requests, signal: abort.signal }).then(
            (reply) => {
              if (done) return;
              worker.post({
                type: 'answer',
                id: message.id,
                json: scrubCredentials(reply.json ?? '', credentials),
                ...(reply.error === undefined ? {} : { error: scrubCredentials(reply.error, credentials) }),
              });
            },
          );
          return;
        case 'log':
          if (logs.length < MAX_CODE_LOG_LINES)
            logs.push(scrubCredentials(message.line.slice(0, 500), credentials));
          return;
        case 'done': {
          const { outcome } = message;
          if (!outcome.ok) return finish(fail(outcome.error.kind, outcome.error.message));
          let value: unknown;
          try {
            value = JSON.parse(scrubCredentials(outcome.json, credentials));
          } catch {
            return finish(fail('result', 'the code returned a value that is not JSON'));
          }
          return finish({ ok: true, value, requests, logs });
        }
        case 'ready':
          return;
      }
    });
    worker.post({
      type: 'run',
      source: options.source,
      inputJson: JSON.stringify(options.input),
      limits: { memoryBytes: limits.memoryBytes, cpuMs: limits.cpuMs },
    });
  });
}
