import type { IncomingHttpHeaders } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate, type Gunzip } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { type ByteBudget, createByteBudget } from './byte-budget.js';

/** A response read to its end or to the cap, whichever came first. */
export interface CappedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** At most the cap, after decoding gzip, deflate or br. */
  body: Buffer;
  /** True when the body was longer than the cap and reading stopped there. */
  truncated: boolean;
}

/** What to send. */
export interface CappedRequest {
  origin: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The total deadline passed. */
export class DeadlineExceededError extends Error {
  /** `status` is set when the headers had arrived (a slow body). */
  constructor(
    readonly timeoutMs: number,
    readonly status?: number,
  ) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/** The response uses a `Content-Encoding` Toolgate cannot decode. */
export class UnsupportedEncodingError extends Error {
  constructor(encoding: string) {
    super(`the response uses an unsupported content encoding: ${encoding}`);
    this.name = 'UnsupportedEncodingError';
  }
}

/** Used to stop a response once the cap is reached; never surfaces. */
class CapReached extends Error {}

function decoderFor(encoding: string | string[] | undefined): Gunzip | undefined | null {
  const value = (Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')).trim().toLowerCase();
  switch (value) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress() as unknown as Gunzip;
    default:
      return null;
  }
}

/** Fires a call's deadline; a plain function given the handler, so no closure per call. */
function onDeadline(handler: CappedHandler): void {
  handler.stop(
    new DeadlineExceededError(handler.timeoutMs, handler.status === 0 ? undefined : handler.status),
  );
}

/**
 * One request's state and undici's handler of it, in one object: its methods are the handler API,
 * so a call allocates this, its byte budget and its timer, not a closure per callback.
 */
class CappedHandler implements Dispatcher.DispatchHandler {
  status = 0;
  private headers: IncomingHttpHeaders = {};
  private settled = false;
  private controller: Dispatcher.DispatchController | undefined;
  private decoder: Gunzip | undefined;
  private readonly chunks: Buffer[] = [];
  private readonly budget: ByteBudget;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly timeoutMs: number,
    capBytes: number,
    private readonly resolve: (response: CappedResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.budget = createByteBudget(capBytes);
    this.timer = setTimeout(onDeadline, timeoutMs, this);
  }

  settle(error: Error | undefined, truncated = false): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (error) this.reject(error);
    else {
      const body = Buffer.concat(this.chunks, this.budget.kept);
      this.resolve({ status: this.status, headers: this.headers, body, truncated });
    }
  }

  stop(error: Error | undefined, truncated = false): void {
    this.settle(error, truncated);
    this.decoder?.destroy();
    const controller = this.controller;
    if (controller && !controller.aborted) controller.abort(error ?? new CapReached());
  }

  /** Keeps what fits; past the cap, stops everything. */
  take(chunk: Buffer): void {
    if (this.settled) return;
    const kept = this.budget.take(chunk);
    if (kept.length > 0) this.chunks.push(kept);
    if (this.budget.exceeded) this.stop(undefined, true);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // The deadline passed while connecting: do not send anything now.
    if (this.settled) controller.abort(new DeadlineExceededError(this.timeoutMs));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    responseHeaders: IncomingHttpHeaders,
  ): void {
    if (statusCode < 200) return; // 1xx: the real response follows
    this.status = statusCode;
    this.headers = responseHeaders;
    const found = decoderFor(responseHeaders['content-encoding']);
    if (found === null) {
      this.stop(new UnsupportedEncodingError(String(responseHeaders['content-encoding'])));
      return;
    }
    this.decoder = found;
    if (found) {
      found.on('data', (chunk: Buffer) => this.take(chunk));
      found.on('error', (error) =>
        this.stop(new UnsupportedEncodingError(`undecodable body (${error.message})`)),
      );
      found.on('end', () => this.settle(undefined));
    }
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    if (this.decoder) this.decoder.write(chunk);
    else this.take(chunk);
  }

  onResponseEnd(): void {
    if (this.decoder) this.decoder.end();
    else this.settle(undefined);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (error instanceof CapReached) return;
    this.stop(error);
  }
}

/**
 * Sends one request through an undici dispatcher and reads the answer into memory, keeping at
 * most `capBytes` and enforcing one total deadline over connect, headers and body.
 *
 * It drives undici's handler API directly instead of `request()`: no body stream, no async
 * iterator and no AbortSignal per call, which is most of the executor's budget at high
 * concurrency (see docs/benchmarks.md). Reaching the cap aborts the request, which closes the
 * connection, so an endpoint streaming gigabytes costs us 50 KB of memory. If the deadline
 * passes before the request is on a socket, it is cancelled as soon as it gets one and never
 * written.
 */
export function dispatchCapped(
  dispatcher: Dispatcher,
  request: CappedRequest,
  limits: { capBytes: number; timeoutMs: number },
): Promise<CappedResponse> {
  return new Promise<CappedResponse>((resolve, reject) => {
    const handler = new CappedHandler(limits.timeoutMs, limits.capBytes, resolve, reject);
    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
        },
        handler,
      );
    } catch (error) {
      handler.stop(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
