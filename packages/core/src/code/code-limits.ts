/** What one run of a code action may use. */
export interface CodeLimits {
  /** Heap of the sandbox, in bytes. */
  memoryBytes: number;
  /** Time the code itself may run (not counting the waits for its requests), in ms. */
  cpuMs: number;
  /** Requests its `fetch` may make in one run. */
  maxRequests: number;
}

export const DEFAULT_CODE_LIMITS: CodeLimits = {
  memoryBytes: 16 * 1024 * 1024,
  cpuMs: 1_000,
  maxRequests: 10,
};
/** The highest limits an operator may set. */
export const MAX_CODE_LIMITS: CodeLimits = { memoryBytes: 64 * 1024 * 1024, cpuMs: 10_000, maxRequests: 50 };
/** The source of a code action, at most. */
export const MAX_CODE_SOURCE_CHARS = 64_000;
/** Stack of the sandbox: deep recursion fails instead of crashing the host. */
export const CODE_STACK_BYTES = 128 * 1024;
/** What the code returns, as JSON, at most. */
export const MAX_CODE_RESULT_CHARS = 256 * 1024;
/** Lines the code may log with console.log in one run, each cut at 500 characters. */
export const MAX_CODE_LOG_LINES = 50;
