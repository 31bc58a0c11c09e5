import { type ResourceLimits, Worker } from 'node:worker_threads';
import { DEFAULT_CODE_LIMITS } from './code-limits.js';
import type { CodeWorkerData, FromWorker, ToWorker } from './code-worker-protocol.js';
import { codeWorkerScript } from './code-worker-script.js';
import { compiledEngine } from './quickjs.js';

/** Started workers kept waiting for a run: a worker start costs tens of ms, a pooled one almost nothing. */
export const DEFAULT_IDLE_CODE_WORKERS = 2;
/**
 * Runs at the same time, at most; more wait for a slot (within their own timeout). Each run may
 * hold its heap (up to 64 MiB over the engine's 16) and a worker's own heap: eight bound the sum.
 */
export const DEFAULT_MAX_RUNNING_CODE_WORKERS = 8;
/**
 * A worker's own V8 heap (outside the engine's WebAssembly memory): what it copies out of the
 * engine (an error, a request) stays far below this; a blowup past it ends that worker only.
 */
export const CODE_WORKER_RESOURCE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 96,
  maxYoungGenerationSizeMb: 16,
  codeRangeSizeMb: 16,
  stackSizeMb: 4,
};

/** How a worker ended before its run was done. */
export interface CodeWorkerExit {
  kind: 'memory' | 'crashed' | 'closed';
  message: string;
}

/** A started worker, taken for ONE run; `release` terminates it. */
export interface CodeWorker {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once if the worker ends before `release`: it crashed, ran out of memory, or the pool closed. */
  onExit(listener: (exit: CodeWorkerExit) => void): void;
  /** Ends the worker (after its run, or to stop it at a deadline) and frees its slot. */
  release(): void;
}

export interface CodeWorkerPoolOptions {
  /** Started workers kept idle (default {@link DEFAULT_IDLE_CODE_WORKERS}); 0 starts one per run. */
  idle?: number;
  /** Runs at the same time, at most (default {@link DEFAULT_MAX_RUNNING_CODE_WORKERS}). */
  maxRunning?: number;
  /** Each worker's own heap (default {@link CODE_WORKER_RESOURCE_LIMITS}). */
  resourceLimits?: ResourceLimits;
  /** Sees every message between the main thread and the workers, and each worker's data (tests). */
  observe?: (direction: 'to-worker' | 'from-worker', message: unknown) => void;
}

/** Sandbox workers for code actions: each used for one run, then discarded. */
export interface CodeWorkerPool {
  /** A started worker; rejects when the pool is closed, `signal` aborts, or no worker could start. */
  take(signal?: AbortSignal): Promise<CodeWorker>;
  /** Ends every worker (idle and running: their runs fail) and starts no more. */
  close(): Promise<void>;
  /** Workers alive now: started and waiting, still starting, taken for a run. */
  stats(): { idle: number; starting: number; running: number };
}

interface Started {
  worker: Worker;
  ready: Promise<void>;
  exit: CodeWorkerExit | undefined;
  exitListeners: Array<(exit: CodeWorkerExit) => void>;
}

/**
 * Creates the pool of sandbox workers: up to `idle` started and waiting (refilled in the
 * background after each take), `unref`ed while idle so they never hold the process open, none
 * reused. Workers start on the first `take`, not before.
 *
 * @example
 * const pool = createCodeWorkerPool();
 * await runCodeAction({ pool, source, input, credentials, fetch, limits, timeoutMs });
 * await pool.close();
 */
export function createCodeWorkerPool(options: CodeWorkerPoolOptions = {}): CodeWorkerPool {
  const idleTarget = options.idle ?? DEFAULT_IDLE_CODE_WORKERS;
  const maxRunning = options.maxRunning ?? DEFAULT_MAX_RUNNING_CODE_WORKERS;
  const resourceLimits = options.resourceLimits ?? CODE_WORKER_RESOURCE_LIMITS;
  const observe = options.observe;
  const idle: Started[] = [];
  const all = new Set<Started>();
  const waiting: Array<() => void> = [];
  let starting = 0;
  const refills = new Set<Promise<void>>();
  let running = 0;
  let closed = false;

  async function start(): Promise<Started> {
    const [script, wasmModule] = await Promise.all([codeWorkerScript(), compiledEngine()]);
    const workerData: CodeWorkerData = { wasmModule, memoryBytes: DEFAULT_CODE_LIMITS.memoryBytes };
    if (closed) throw new Error('the code sandbox is shut down');
    observe?.('to-worker', workerData);
    // No flags of this process (its `--import`s, `--input-type`) and none of its environment
    // (the server's secrets live there): the worker needs neither.
    const worker = new Worker(script, { workerData, resourceLimits, execArgv: [], env: {} });
    worker.unref();
    const started: Started = { worker, ready: Promise.resolve(), exit: undefined, exitListeners: [] };
    all.add(started);
    const ended = (exit: CodeWorkerExit) => {
      if (started.exit) return;
      started.exit = exit;
      all.delete(started);
      const at = idle.indexOf(started);
      if (at >= 0) idle.splice(at, 1);
      for (const listener of started.exitListeners) listener(exit);
    };
    worker.on('error', (error: Error & { code?: string }) =>
      ended(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'memory', message: `its worker ran out of memory (${error.message})` }
          : { kind: 'crashed', message: `its worker crashed: ${error.message}` },
      ),
    );
    worker.on('exit', (code) =>
      ended(
        closed
          ? { kind: 'closed', message: 'the code sandbox was shut down' }
          : {
              kind: 'crashed',
              message: `its worker stopped (exit code ${code})`,
            },
      ),
    );
    if (observe) worker.on('message', (message: unknown) => observe('from-worker', message));
    started.ready = new Promise((resolve, reject) => {
      worker.once('message', (message: FromWorker) =>
        message.type === 'ready' ? resolve() : reject(new Error(`the worker said ${message.type} first`)),
      );
      started.exitListeners.push((exit) => reject(new Error(exit.message)));
    });
    await started.ready;
    return started;
  }

  /** Starts workers in the background until `idleTarget` are idle or starting. */
  function refill(): void {
    while (!closed && idle.length + starting < idleTarget) {
      starting += 1;
      const refilled = start()
        .then((started) => {
          if (started.exit === undefined) idle.push(started);
        })
        // A worker that cannot start is not retried here: the next take starts its own and says why.
        .catch(() => {})
        .finally(() => {
          starting -= 1;
          refills.delete(refilled);
        });
      refills.add(refilled);
    }
  }

  async function slot(signal: AbortSignal | undefined): Promise<void> {
    while (running >= maxRunning) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          waiting.splice(waiting.indexOf(wake), 1);
          reject(new Error('no sandbox worker came free in time'));
        };
        if (signal?.aborted) return reject(new Error('no sandbox worker came free in time'));
        signal?.addEventListener('abort', abort, { once: true });
        waiting.push(wake);
      });
      if (closed) throw new Error('the code sandbox is shut down');
    }
    running += 1;
  }

  function handOut(started: Started): CodeWorker {
    const { worker } = started;
    worker.ref();
    let released = false;
    return {
      post(message) {
        observe?.('to-worker', message);
        worker.postMessage(message);
      },
      onMessage: (listener) => worker.on('message', listener),
      onExit(listener) {
        started.exitListeners.push((exit) => {
          if (!released) listener(exit);
        });
        if (started.exit && !released) listener(started.exit);
      },
      release() {
        if (released) return;
        released = true;
        running -= 1;
        waiting.shift()?.();
        void worker.terminate().catch(() => {});
      },
    };
  }

  return {
    async take(signal) {
      if (closed) throw new Error('the code sandbox is shut down');
      await slot(signal);
      try {
        const started = idle.shift() ?? (await start());
        refill();
        if (started.exit) throw new Error(started.exit.message);
        return handOut(started);
      } catch (error) {
        running -= 1;
        waiting.shift()?.();
        throw error;
      }
    },
    stats: () => ({ idle: idle.length, starting, running }),
    async close() {
      closed = true;
      for (const wake of waiting.splice(0)) wake();
      await Promise.all([...all].map((started) => started.worker.terminate().catch(() => {})));
      // Workers still starting end as they come up (closed): wait for them too.
      await Promise.all([...refills]);
      idle.length = 0;
    },
  };
}
