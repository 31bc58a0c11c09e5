import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { ApiError } from './api-error.js';
import { requestHeader } from './request-header.js';
import { checkJsonText } from './text-rules.js';

/** Request bodies above this are refused with 413: the largest action definition is far smaller. */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError('payload_too_large', `the request body is over ${limit} bytes`);
}

/**
 * The body's text, at most `limit` bytes (413 beyond; default `MAX_REQUEST_BODY_BYTES`). Under the Node server it is read straight from
 * the socket's request: going through a web `Request` (stream, abort signal) cost a measurable
 * share of a conversation turn (docs/benchmarks.md). Elsewhere (`app.request()` in tests) the
 * web request is read.
 */
export async function readBodyText(c: Context, limit: number = MAX_REQUEST_BODY_BYTES): Promise<string> {
  const declared = Number(requestHeader(c, 'content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableEnded || incoming.readableDidRead) {
    const text = await c.req.text();
    if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
    return text;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      incoming.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * Reads a request's JSON body: the one way bodies enter the API. A body that is not JSON, or not
 * sent as JSON, is a 400 that says where parsing stopped; one over the size limit a 413; one with
 * text the database cannot store (NUL, lone surrogates) or nested too deep a 400 naming the field
 * (text-rules.ts). An empty body reads as `{}` only when `emptyAs` allows it.
 */
export async function readJson(c: Context, emptyAs?: unknown, limit?: number): Promise<unknown> {
  const text = await readBodyText(c, limit);
  if (text.trim() === '') {
    if (emptyAs !== undefined) return emptyAs;
    throw new ApiError('malformed_json', 'the request body is empty; send a JSON object');
  }
  const type = requestHeader(c, 'content-type');
  if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError('bad_request', `send the body as application/json, not ${type.split(';')[0]}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ApiError('malformed_json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
  checkJsonText(body);
  return body;
}
