import type { IncomingHttpHeaders } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate, type Gunzip } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { createByteBudget } from './byte-budget.js';

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
    const chunks: Buffer[] = [];
    const budget = createByteBudget(limits.capBytes);
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    let decoder: Gunzip | undefined;

    const settle = (error: Error | undefined, truncated = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve({ status, headers, body: Buffer.concat(chunks, budget.kept), truncated });
    };
    const stop = (error: Error | undefined, truncated = false) => {
      settle(error, truncated);
      decoder?.destroy();
      if (controller && !controller.aborted) controller.abort(error ?? new CapReached());
    };
    /** Keeps what fits; past the cap, stops everything. */
    const take = (chunk: Buffer) => {
      if (settled) return;
      const kept = budget.take(chunk);
      if (kept.length > 0) chunks.push(kept);
      if (budget.exceeded) stop(undefined, true);
    };
    const timer = setTimeout(
      () => stop(new DeadlineExceededError(limits.timeoutMs, status === 0 ? undefined : status)),
      limits.timeoutMs,
    );

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(requestController) {
        controller = requestController;
        // The deadline passed while connecting: do not send anything now.
        if (settled) requestController.abort(new DeadlineExceededError(limits.timeoutMs));
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        if (statusCode < 200) return; // 1xx: the real response follows
        status = statusCode;
        headers = responseHeaders;
        const found = decoderFor(responseHeaders['content-encoding']);
        if (found === null) {
          stop(new UnsupportedEncodingError(String(responseHeaders['content-encoding'])));
          return;
        }
        decoder = found;
        if (decoder) {
          decoder.on('data', take);
          decoder.on('error', (error) =>
            stop(new UnsupportedEncodingError(`undecodable body (${error.message})`)),
          );
          decoder.on('end', () => settle(undefined));
        }
      },
      onResponseData(_controller, chunk) {
        if (settled) return;
        if (decoder) decoder.write(chunk);
        else take(chunk);
      },
      onResponseEnd() {
        if (decoder) decoder.end();
        else settle(undefined);
      },
      onResponseError(_controller, error) {
        if (error instanceof CapReached) return;
        stop(error);
      },
    };

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
      stop(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
