import { describe, expect, it } from 'vitest';
import { findNumbers } from './find-numbers.js';
import { isHeadcountParameter, sumsOfPeople } from './headcount.js';

describe('isHeadcountParameter', () => {
  it.each([
    ['party_size', {}, true],
    ['guests', {}, true],
    ['size', { description: 'Number of guests' }, true],
    ['quantity', {}, false],
  ])('%j %j -> %s', (name, extra, expected) => {
    expect(isHeadcountParameter(name, { type: 'integer', ...extra })).toBe(expected);
  });
});

describe('sumsOfPeople', () => {
  const sums = (text: string) => sumsOfPeople(text, findNumbers(text)).map((sum) => [sum.value, sum.matched]);

  it.each([
    ['we are 3 adults and 2 kids on Friday', [[5, '3 adults and 2 kids']]],
    ['two adults, one child', [[3, 'two adults, one child']]],
    ['2 adults plus 2 children and a baby', [[4, '2 adults plus 2 children']]],
  ])('%j -> %j', (text, expected) => {
    expect(sums(text)).toEqual(expected);
  });

  it.each(['3 adults', '3 adults at 2 pm', '2 or 3 people', '3 adults, then 2 pizzas'])(
    'adds nothing up in %j',
    (text) => {
      expect(sums(text)).toEqual([]);
    },
  );
});
