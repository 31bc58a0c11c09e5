import { describe, expect, it } from 'vitest';
import {
  blankOut,
  escapeRegExp,
  overlapsAny,
  regexCandidates,
  spansOverlap,
  TOKEN_END,
  TOKEN_START,
  withoutContained,
} from './slot-candidate.js';

describe('spans', () => {
  it('overlap only when they share a character', () => {
    expect(spansOverlap({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(
      overlapsAny({ start: 2, end: 3 }, [
        { start: 7, end: 9 },
        { start: 0, end: 5 },
      ]),
    ).toBe(true);
    expect(overlapsAny({ start: 2, end: 3 }, [])).toBe(false);
  });

  it('drop candidates inside longer ones but keep equal ones', () => {
    const long = { value: 'ab', matched: 'ab', start: 0, end: 2, kind: 'enum' as const };
    const inner = { value: 'a', matched: 'a', start: 0, end: 1, kind: 'enum' as const };
    const twin = { ...long, value: 'AB' };
    expect(withoutContained([inner, long, twin])).toEqual([long, twin]);
  });
});

describe('token boundaries', () => {
  const token = new RegExp(`${TOKEN_START}\\d+${TOKEN_END}`, 'gu');
  it.each([
    ['12', ['12']],
    ['x 12, 34.', ['12', '34']],
    ['ORD-12', []],
    ['12-A', []],
    ["it's", []],
    ['a12', []],
    ['(12)', ['12']],
  ])('%j -> %j', (text, expected) => {
    expect(text.match(token) ?? []).toEqual(expected);
  });
});

describe('regexCandidates and escapeRegExp', () => {
  it('skip empty matches and undefined values', () => {
    expect(
      regexCandidates('a 12 b 7', /\d*/g, (match) => (match[0] === '7' ? undefined : match[0]), 'number'),
    ).toEqual([{ value: '12', matched: '12', start: 2, end: 4, kind: 'number' }]);
  });

  it('escapes for the u flag', () => {
    const source = escapeRegExp('a.b-c(d)+[e]/f');
    expect(new RegExp(`^${source}$`, 'u').test('a.b-c(d)+[e]/f')).toBe(true);
    expect(new RegExp(`^${source}$`, 'u').test('aXb-c(d)+[e]/f')).toBe(false);
  });
});

describe('blankOut', () => {
  it('replaces the spans by spaces and keeps the offsets', () => {
    expect(blankOut('Friday at 7pm, thanks', [{ start: 10, end: 13 }])).toBe('Friday at    , thanks');
    expect(blankOut('abc', [])).toBe('abc');
  });
});
