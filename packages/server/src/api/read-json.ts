import type { Context } from 'hono';
import { ApiError } from './api-error.js';

/**
 * Reads a request's JSON body. A body that is not JSON, or not sent as JSON, is a 400 that says
 * where parsing stopped. An empty body reads as `{}` only when `emptyAs` allows it.
 */
export async function readJson(c: Context, emptyAs?: unknown): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (emptyAs !== undefined) return emptyAs;
    throw new ApiError('malformed_json', 'the request body is empty; send a JSON object');
  }
  const type = c.req.header('content-type');
  if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError('bad_request', `send the body as application/json, not ${type.split(';')[0]}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError('malformed_json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}
