import type { Readable } from 'node:stream';
import { ReceiverError } from './receiver-error.js';

/**
 * Largest body read before the signature is checked. Toolgate never sends more than 100 KB;
 * the cap bounds what an unauthenticated sender can make a receiver buffer.
 *
 * @example
 * toolgateExpress({ secret, maxBodyBytes: DEFAULT_MAX_BODY_BYTES * 4 }); // large templates
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Where a raw body can be read from: a Node stream (`IncomingMessage`) or a Web stream. */
export type RawBodySource = Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/** Options of {@link readRawBody}. */
export interface ReadRawBodyOptions {
  /** Stop and throw `body_too_large` past this many bytes (default 256 KiB). */
  maxBytes?: number;
}

function tooLarge(maxBytes: number): ReceiverError {
  return new ReceiverError('body_too_large', `the body is larger than ${maxBytes} bytes`);
}

function isNodeReadable(source: RawBodySource): source is Readable {
  return typeof (source as Readable).on === 'function' && typeof (source as Readable).pause === 'function';
}

function isWebStream(source: RawBodySource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}

/**
 * Node streams are read with listeners rather than `for await`, so that going over the cap
 * pauses the request instead of destroying its socket: the receiver can still answer 413.
 */
function readNodeStream(stream: Readable, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanUp = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      size += bytes.length;
      if (size > maxBytes) {
        cleanUp();
        stream.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

async function readWebStream(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function readIterable(source: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Reads a request body to its exact bytes, up to a cap, for signature checks: no decoding, no
 * JSON parsing. Throws `ReceiverError` with code `body_too_large` past the cap (answer 413).
 *
 * @example
 * const server = http.createServer(async (request, response) => {
 *   const rawBody = await readRawBody(request);
 *   verifyWebhook({ payload: rawBody, headers: request.headers, secret });
 * });
 */
export async function readRawBody(
  source: RawBodySource | null | undefined,
  { maxBytes = DEFAULT_MAX_BODY_BYTES }: ReadRawBodyOptions = {},
): Promise<Buffer> {
  if (source === null || source === undefined) return Buffer.alloc(0);
  if (isWebStream(source)) return readWebStream(source, maxBytes);
  if (isNodeReadable(source)) return readNodeStream(source, maxBytes);
  return readIterable(source, maxBytes);
}
