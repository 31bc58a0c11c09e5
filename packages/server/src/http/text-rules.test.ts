import { describe, expect, it } from 'vitest';
import type { ApiError } from './api-error.js';
import { checkJsonText, fieldName, MAX_JSON_DEPTH, textProblem } from './text-rules.js';

function refusal(value: unknown): ApiError | undefined {
  try {
    checkJsonText(value);
    return undefined;
  } catch (error) {
    return error as ApiError;
  }
}

describe('text rules', () => {
  it('refuses NUL and lone surrogates, and allows every well-formed string', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\uD83D')).toMatch(/lone UTF-16 surrogate \(U\+D83D\)/);
    expect(textProblem('x\uDE00')).toMatch(/U\+DE00/);
    expect(textProblem('\uDE00\uD83D')).toMatch(/U\+DE00/);
    for (const fine of ['', 'plain', '😀 emoji pair', '\u202Eright-to-left', '%00', '\u0001 control']) {
      expect(textProblem(fine)).toBeUndefined();
    }
  });

  it('names fields by location, dotted, with brackets for indexes and odd names', () => {
    expect(fieldName('body', ['metadata', 'note'])).toBe('body.metadata.note');
    expect(fieldName('body', ['scopes', 0])).toBe('body.scopes[0]');
    expect(fieldName('query', ['x-y'])).toBe('query["x-y"]');
    expect(fieldName('path', ['id'])).toBe('path.id');
  });

  it('walks values and field names of a parsed body, naming the first problem', () => {
    expect(refusal({ metadata: { note: 'ok', list: ['fine', 'bad\u0000'] } })).toMatchObject({
      code: 'invalid_text',
      status: 400,
      field: 'body.metadata.list[1]',
    });
    const key = refusal({ metadata: { 'na\uD800me': 1 } });
    expect(key?.field).toBe('body.metadata');
    expect(key?.message).toMatch(/field name/);
    expect(refusal({ a: [1, true, null, 'text'] })).toBeUndefined();
  });

  it(`refuses bodies nested deeper than ${MAX_JSON_DEPTH} levels without recursing further`, () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(refusal(deep)).toMatchObject({ code: 'bad_request', status: 400 });
    let fits: unknown = 'bottom';
    for (let level = 0; level < MAX_JSON_DEPTH; level += 1) fits = { a: fits };
    expect(refusal(fits)).toBeUndefined();
  });
});
