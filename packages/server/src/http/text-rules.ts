import type { Context } from 'hono';
import { ApiError } from './api-error.js';

/**
 * The rules every piece of text obeys where it enters the API (path parameters, the query string,
 * JSON bodies): no NUL character and no lone UTF-16 surrogate, in values and in field names.
 * PostgreSQL (and PGlite) cannot store either in `text` or `jsonb`, so they would fail deep in a
 * query as a 500; refused here, they are a 400 that names the field. JSON bodies also nest at
 * most `MAX_JSON_DEPTH` levels, so no later walk of a body (schema checks, storage) recurses
 * without bound.
 */
export const MAX_JSON_DEPTH = 64;

/** A NUL, a high surrogate not followed by a low one, or a low surrogate not after a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Segment = string | number;

/** What is wrong with the text, or `undefined` when it may be stored. */
export function textProblem(text: string): string | undefined {
  const found = UNSTORABLE.exec(text);
  if (found === null) return undefined;
  const character = found[0];
  if (character === '\u0000') return 'contains a NUL character (U+0000)';
  const code = character.charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone UTF-16 surrogate (U+${code}), which is not valid Unicode text`;
}

/**
 * How errors name a field: the location, then JavaScript-style access.
 *
 * @example
 * fieldName('body', ['metadata', 'note']); // 'body.metadata.note'
 * fieldName('body', ['scopes', 0]); // 'body.scopes[0]'
 * fieldName('query', ['x-y']); // 'query["x-y"]'
 */
export function fieldName(location: string, segments: readonly Segment[]): string {
  let name = location;
  for (const segment of segments) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) name += `.${segment}`;
    else name += `[${JSON.stringify(segment)}]`;
  }
  return name;
}

function invalidText(field: string, problem: string): ApiError {
  return new ApiError('invalid_text', `${field} ${problem}`, [], field);
}

/** Throws the 400 for the first value or field name under `value` that breaks the text rules. */
export function checkJsonText(value: unknown, location = 'body'): void {
  const path: Segment[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) throw invalidText(fieldName(location, path), problem);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (path.length >= MAX_JSON_DEPTH) {
      throw new ApiError(
        'bad_request',
        `${fieldName(location, path)} nests deeper than ${MAX_JSON_DEPTH} levels`,
        [],
        fieldName(location, path),
      );
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        path.push(index);
        visit(item);
        path.pop();
      });
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const problem = textProblem(key);
      if (problem) throw invalidText(fieldName(location, path), `has a field name that ${problem}`);
      path.push(key);
      visit(item);
      path.pop();
    }
  };
  visit(value);
}

/** Throws the 400 for the first path parameter, query parameter name or value that breaks the rules. */
export function checkUrlText(c: Context): void {
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
    const problem = textProblem(value);
    if (problem) throw invalidText(fieldName('path', [name]), problem);
  }
  const query = c.req.url.indexOf('?');
  if (query === -1) return;
  for (const [name, value] of new URLSearchParams(c.req.url.slice(query + 1))) {
    const nameProblem = textProblem(name);
    if (nameProblem) throw invalidText('query', `has a parameter name that ${nameProblem}`);
    const problem = textProblem(value);
    if (problem) throw invalidText(fieldName('query', [name]), problem);
  }
}
