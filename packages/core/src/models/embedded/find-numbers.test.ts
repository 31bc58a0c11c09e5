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
    ['twenty-two', [22]],
    ['twenty two of them', [22]],
    ['Thirty', [30]],
    ['a dozen roses', [12]],
    ['two dozen eggs', [24]],
    ['half a dozen', [6]],
    ['a couple of us', [2]],
    ['a hundred', [100]],
    ['two hundred and fifty', [250]],
    ['seventeen', [17]],
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
    'twenty-something',
    'a few',
    'a pair of boots',
    'the first one',
    '1.2.3',
    'v2',
    '',
  ])('finds no quantity in %j', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('reads ordinals only when told to', () => {
    const ordinals = (text: string) => findNumbers(text, { ordinals: true }).map((found) => found.value);
    expect(ordinals('the third floor')).toEqual([3]);
    expect(ordinals('twenty-first')).toEqual([21]);
    expect(ordinals('3rd, 22nd or twelfth')).toEqual([3, 22, 12]);
    expect(values('the third floor')).toEqual([]);
  });

  it('reports what was matched and where', () => {
    expect(findNumbers('I need three')).toEqual([
      { value: 3, matched: 'three', start: 7, end: 12, kind: 'number' },
    ]);
  });
});
