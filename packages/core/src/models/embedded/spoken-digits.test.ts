import { describe, expect, it } from 'vitest';
import { digitsOfRun, findSpokenDigitRuns } from './spoken-digits.js';

const runs = (text: string) => findSpokenDigitRuns(text).map(digitsOfRun);

describe('findSpokenDigitRuns', () => {
  it.each([
    ['two one two five five five zero one nine nine', ['2125550199']],
    ['oh one, double nine', ['0199']],
    ['triple five', ['555']],
    ['212 five five five', ['212555']],
    ['one two, then three four', ['12', '34']],
  ])('%j -> %j', (text, expected) => {
    expect(runs(text)).toEqual(expected);
  });

  it.each(['212 555 0199', 'oh, I see', 'someone', 'o'])('finds no said run in %j', (text) => {
    expect(runs(text)).toEqual([]);
  });
});
