import { describe, expect, it } from 'vitest';
import { findSpelledTokens, writtenVariants } from './spelled-tokens.js';

const tokens = (text: string) => findSpelledTokens(text).map((found) => found.token);

describe('findSpelledTokens', () => {
  it.each([
    ['uh yeah the order is o r d one two three four five', ['ORD12345']],
    ['A as in apple, nine nine eight one two', ['A99812']],
    ['b for bravo k 2 0 4 1 7', ['BK20417']],
    ['x y double seven', ['XY77']],
  ])('%j -> %j', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it.each(['I need a table for two', 'a one two', 'one two three four', 'o r d', "it's A-99812"])(
    'finds none in %j',
    (text) => {
      expect(tokens(text)).toEqual([]);
    },
  );

  it('reports where the token was said', () => {
    expect(findSpelledTokens('it is o r d one two')).toEqual([{ start: 6, end: 19, token: 'ORD12' }]);
  });
});

describe('writtenVariants', () => {
  it('adds a dash and a space between a prefix and its digits', () => {
    expect(writtenVariants('ORD12345')).toEqual(['ORD12345', 'ORD-12345', 'ORD 12345']);
    expect(writtenVariants('A1B2')).toEqual(['A1B2']);
  });
});
