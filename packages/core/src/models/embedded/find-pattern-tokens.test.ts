import { describe, expect, it } from 'vitest';
import { caseForPattern, findPatternTokens, matchesPatternLoosely } from './find-pattern-tokens.js';

const values = (text: string, pattern: string) =>
  findPatternTokens(text, pattern).map((candidate) => candidate.value);

describe('findPatternTokens', () => {
  it('finds anchored patterns inside a sentence and reports the text as typed', () => {
    expect(findPatternTokens('my order is ord-12345, thanks', '^ORD-\\d+$')).toEqual([
      { value: 'ORD-12345', matched: 'ord-12345', start: 12, end: 21, kind: 'pattern' },
    ]);
  });

  it.each([
    ['ORD-1 and ORD-22', '^ORD-\\d+$', ['ORD-1', 'ORD-22']],
    ['ref abc-123', '^[A-Z]{3}-\\d{3}$', ['ABC-123']],
    ['code x9y', '^[a-z]\\d[a-z]$', ['x9y']],
    ['code X9Y', '^[a-z]\\d[a-z]$', ['x9y']],
    ['Ticket inv-7 please', '^(ORD|INV)-\\d+$', ['INV-7']],
    ['zip 90210.', '^\\d{5}$', ['90210']],
    ['(ORD-5)', 'ORD-\\d+', ['ORD-5']],
  ])('%j with %s -> %j', (text, pattern, expected) => {
    expect(values(text, pattern)).toEqual(expected);
  });

  it.each([
    ['ORD-12345X', '^ORD-\\d+$'],
    ['XORD-12345', '^ORD-\\d+$'],
    ['ORD-123-456', '^ORD-\\d+$'],
    ['ORD-', '^ORD-\\d+$'],
    ['phone 902101', '^\\d{5}$'],
    ['anything', '^\\d*$'],
    ['ORD-1', '^ORD-(\\d+$'],
  ])('finds nothing in %j with %s', (text, pattern) => {
    expect(values(text, pattern)).toEqual([]);
  });
});

describe('caseForPattern', () => {
  it('prefers the pattern literals and keeps class-matched letters as typed', () => {
    expect(caseForPattern('ord-Ab', '^ORD-[A-Za-z]+$')).toBe('ORD-Ab');
  });

  it('keeps the token when no casing passes', () => {
    expect(caseForPattern('Ab', '^[a-z][A-Z]$')).toBe('Ab');
    expect(caseForPattern('Ab', '^(?:AB|ab)$')).toBe('AB');
  });
});

describe('matchesPatternLoosely', () => {
  it('ignores case and needs the whole text', () => {
    expect(matchesPatternLoosely('ord-1', '^ORD-\\d+$')).toBe(true);
    expect(matchesPatternLoosely('my ord-1', '^ORD-\\d+$')).toBe(false);
  });
});
