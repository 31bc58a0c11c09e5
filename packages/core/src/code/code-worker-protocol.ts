import type { CodeLimits } from './code-limits.js';
import type { WasmModule } from './quickjs.js';

/** Why a run of a code action failed. */
export type CodeErrorKind = 'compile' | 'runtime' | 'cpu' | 'memory' | 'timeout' | 'result';

/** What a sandbox worker is started with: the engine compiled once by the main thread, and the heap to prepare. */
export interface CodeWorkerData {
  wasmModule: WasmModule;
  /** The heap of the engine instance prepared while the worker is idle (the default limit). */
  memoryBytes: number;
}

/**
 * The main thread to a worker. No credential is ever in one: the code's requests carry
 * placeholders, and the answers are scrubbed before they are sent.
 */
export type ToWorker =
  | {
      type: 'run';
      source: string;
      /** `{parameters, context}` as JSON. */
      inputJson: string;
      limits: Pick<CodeLimits, 'memoryBytes' | 'cpuMs'>;
    }
  | { type: 'answer'; id: number; json?: string; error?: string };

/** What the sandbox gave, before the main thread scrubs and parses it. */
export type SandboxOutcome =
  | { ok: true; json: string }
  | { ok: false; error: { kind: CodeErrorKind; message: string } };

/**
 * A worker to the main thread. `busy` and `idle` frame each stretch the worker works (the main
 * thread's hard CPU deadline counts only those); `request` is one `fetch` of the code, as the
 * code wrote it; `log` one `console.log` line (sent at once: a run stopped later keeps its lines);
 * `done` ends the run.
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'busy' }
  | { type: 'idle' }
  | { type: 'request'; id: number; json: string }
  | { type: 'log'; line: string }
  | { type: 'done'; outcome: SandboxOutcome };

/** A request of the code (its JSON, body included), at most: a larger one is refused in the worker. */
export const MAX_INNER_REQUEST_JSON_CHARS = 300 * 1024;
/** An error message the worker sends, at most. */
export const MAX_CODE_ERROR_CHARS = 2_000;
