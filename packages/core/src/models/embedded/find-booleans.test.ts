import { describe, expect, it } from 'vitest';
import { findBooleans } from './find-booleans.js';

const values = (text: string) => findBooleans(text).map((found) => found.value);

describe('findBooleans', () => {
  it.each([
    ['yes please', [true]],
    ['TRUE', [true]],
    ['nope', [false]],
    ['false', [false]],
    ["don't do it", [false]],
    ['yes... no', [true, false]],
    ["no, it's ORD-2", []],
    ['not sure', []],
    ['never mind', []],
    ['truely nothing', []],
  ])('%j -> %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('reports the words it read', () => {
    expect(findBooleans('Go ahead!')).toEqual([
      { value: true, matched: 'Go ahead', start: 0, end: 8, kind: 'boolean' },
    ]);
  });
});
