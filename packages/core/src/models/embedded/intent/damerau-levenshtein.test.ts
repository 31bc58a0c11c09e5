import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, isOneTypoApart } from './damerau-levenshtein.js';

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['status', 'status', 0],
    ['stauts', 'status', 1],
    ['order', 'ordr', 1],
    ['cancel', 'cancle', 1],
    ['cancel', 'cancal', 1],
    ['cancel', 'parcel', 2],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('distance(%s, %s) = %i', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
    expect(damerauLevenshtein(b, a)).toBe(expected);
  });
});

describe('isOneTypoApart', () => {
  it('accepts one swap, insertion, deletion or substitution between long enough words', () => {
    expect(isOneTypoApart('stauts', 'status')).toBe(true);
    expect(isOneTypoApart('cancl', 'cancel')).toBe(true);
    expect(isOneTypoApart('bookng', 'booking')).toBe(true);
  });

  it('refuses words shorter than 5 characters', () => {
    expect(isOneTypoApart('ordr', 'order')).toBe(false);
    expect(isOneTypoApart('bok', 'book')).toBe(false);
  });

  it('refuses identical words and words two edits apart', () => {
    expect(isOneTypoApart('status', 'status')).toBe(false);
    expect(isOneTypoApart('cancel', 'parcel')).toBe(false);
    expect(isOneTypoApart('cancel', 'cancelled')).toBe(false);
  });
});
