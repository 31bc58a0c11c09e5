import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** What a capped read produced. */
export interface CappedBody {
  bytes: Buffer;
  /** True when the body was longer than the cap and was cut. */
  truncated: boolean;
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

function ignore(): void {}

/** Stops reading a stream; an error it raises while being torn down is of no interest. */
function discard(stream: Readable): void {
  stream.on('error', ignore);
  stream.destroy();
}

/** Raised for a `Content-Encoding` Toolgate cannot decode. */
export class UnsupportedEncodingError extends Error {
  constructor(encoding: string) {
    super(`the response uses an unsupported content encoding: ${encoding}`);
    this.name = 'UnsupportedEncodingError';
  }
}

/**
 * Reads a response body as a stream, keeping at most `capBytes` (after decompression, so a
 * compression bomb is cut like any other large body). Reading stops and the stream is destroyed
 * as soon as the cap is passed, so memory stays flat whatever the endpoint sends.
 */
export async function readCappedBody(
  body: Readable,
  capBytes: number,
  contentEncoding?: string,
): Promise<CappedBody> {
  const decoder = decoderFor(contentEncoding);
  if (decoder === null) {
    discard(body);
    throw new UnsupportedEncodingError(contentEncoding ?? '');
  }
  const source: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let length = 0;
  let truncated = false;
  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      const room = capBytes - length;
      if (buffer.length > room) {
        if (room > 0) chunks.push(buffer.subarray(0, room));
        length += Math.max(room, 0);
        truncated = true;
        break;
      }
      chunks.push(buffer);
      length += buffer.length;
    }
  } finally {
    if (truncated || !source.readableEnded) {
      discard(source);
      discard(body);
    }
  }
  return { bytes: Buffer.concat(chunks, length), truncated };
}
