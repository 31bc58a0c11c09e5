import { describe, expect, it } from 'vitest';
import { findNumbers } from './find-numbers.js';

const values = (text: string) => findNumbers(text).map((candidate) => candidate.value);

describe('findNumbers', () => {
  it.each([
    ['3', [3]],
    ['3.5', [3.5]],
    ['.5 please', [0.5]],
    ['1,200 units', [1200]],
    ['three', [3]],
    ['Twenty people', [20]],
    ['zero', [0]],
    ['party of 4.', [4]],
    ['4, maybe 5', [4, 5]],
    ['two adults and 3 kids', [2, 3]],
    ['$50 or 60%', [50, 60]],
  ])('reads %j as %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    'ORD-123',
    '123-ORD',
    '10:30',
    '3/4',
    'the 3rd',
    '3pm',
    'abc3',
    'someone',
    'the blue one',
    'one-way',
    'twenty-one',
    '1.2.3',
    'v2',
    '',
  ])('finds no quantity in %j', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports what was matched and where', () => {
    expect(findNumbers('I need three')).toEqual([
      { value: 3, matched: 'three', start: 7, end: 12, kind: 'number' },
    ]);
  });
});
