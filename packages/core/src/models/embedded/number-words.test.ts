import { describe, expect, it } from 'vitest';
import { readCardinalWords, readOrdinal } from './number-words.js';

describe('readCardinalWords', () => {
  it.each([
    ['four', 4],
    ['Twenty-Two', 22],
    ['ninety nine', 99],
    ['a dozen', 12],
    ['three dozen', 36],
    ['half a dozen', 6],
    ['a couple', 2],
    ['a hundred', 100],
    ['one hundred and five', 105],
    ['two hundred fifty', 250],
  ])('%j is %d', (phrase, expected) => {
    expect(readCardinalWords(phrase)).toBe(expected);
  });

  it('reads nothing from other words', () => {
    expect(readCardinalWords('several')).toBeUndefined();
  });
});

describe('readOrdinal', () => {
  it.each([
    ['first', 1],
    ['Third', 3],
    ['twelfth', 12],
    ['twentieth', 20],
    ['twenty-first', 21],
    ['thirty first', 31],
    ['3rd', 3],
    ['22nd', 22],
  ])('%j is %d', (phrase, expected) => {
    expect(readOrdinal(phrase)).toBe(expected);
  });

  it('reads nothing from other words', () => {
    expect(readOrdinal('twenty-one')).toBeUndefined();
    expect(readOrdinal('last')).toBeUndefined();
  });
});
