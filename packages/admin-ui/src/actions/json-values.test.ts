import { describe, expect, it } from 'vitest';
import { lines, parseJson, prettyJson, sameJson, stringList } from './json-values';

describe('sameJson', () => {
  it('compares objects by keys in any order and arrays in order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson(undefined, null)).toBe(false);
    expect(sameJson('x', 'x')).toBe(true);
  });
});

describe('text helpers', () => {
  it('split lists one per line, parse and print JSON', () => {
    expect(lines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(stringList(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(stringList('a')).toEqual([]);
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('{').ok).toBe(false);
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
