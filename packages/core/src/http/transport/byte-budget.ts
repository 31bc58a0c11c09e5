/** Counts a response body against its cap; see {@link createByteBudget}. */
export interface ByteBudget {
  /** Counts a chunk and returns the part of it that still fits (all of it, some, or none). */
  take(chunk: Buffer): Buffer;
  take(chunk: Uint8Array): Uint8Array;
  /** Bytes kept so far: never more than the cap. */
  readonly kept: number;
  /** True once the body has been longer than the cap. */
  readonly exceeded: boolean;
}

/**
 * The one body cap of the outbound transports: the executor keeps what fits and marks the
 * response truncated, the model fetch fails; both count the same way (a body of exactly
 * `capBytes` fits).
 *
 * @example
 * const budget = createByteBudget(4);
 * budget.take(Buffer.from('abc')); // 'abc'
 * budget.take(Buffer.from('def')); // 'd', and budget.exceeded is now true
 */
export function createByteBudget(capBytes: number): ByteBudget {
  let kept = 0;
  let exceeded = false;
  function take<T extends Uint8Array>(chunk: T): T {
    const room = capBytes - kept;
    if (chunk.byteLength <= room) {
      kept += chunk.byteLength;
      return chunk;
    }
    exceeded = true;
    const part = chunk.subarray(0, Math.max(0, room)) as T;
    kept += part.byteLength;
    return part;
  }
  return {
    take,
    get kept() {
      return kept;
    },
    get exceeded() {
      return exceeded;
    },
  };
}
