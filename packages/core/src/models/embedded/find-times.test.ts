import { describe, expect, it } from 'vitest';
import { findTimes, formatTime } from './find-times.js';

const times = (text: string, style: '24h' | '12h' = '24h', asked = false) =>
  findTimes(text, style, asked).map((found) => [found.value, found.matched]);

describe('findTimes', () => {
  it.each([
    ['Friday at 7:30pm', [['19:30', '7:30pm']]],
    ['3pm', [['15:00', '3pm']]],
    ['7.30 p.m.', [['19:30', '7.30 p.m.']]],
    ['19:30', [['19:30', '19:30']]],
    ['at 10:30', [['10:30', '10:30']]],
    ['12am', [['00:00', '12am']]],
    ['at noon', [['12:00', 'noon']]],
    ['midnight', [['00:00', 'midnight']]],
    ['seven thirty pm', [['19:30', 'seven thirty pm']]],
    ['eleven am', [['11:00', 'eleven am']]],
    ['half past seven', [['07:30', 'half past seven']]],
    ['quarter to 8 pm', [['19:45', 'quarter to 8 pm']]],
    ['at 7 in the evening', [['19:00', '7 in the evening']]],
    ["at seven o'clock", [['07:00', "seven o'clock"]]],
    ['around 7, if you can', [['07:00', '7']]],
    ['around 7 works', [['07:00', '7']]],
    ['about 4ish', [['16:00', '4']]],
    ['at 3', [['15:00', '3']]],
    ['tomorrow night at eight', [['20:00', 'eight']]],
    ['dinner at 7', [['19:00', '7']]],
    ['breakfast on Sunday at 11', [['11:00', '11']]],
    ['this evening, around 9, if you can', [['21:00', '9']]],
  ])('%j -> %j', (text, expected) => {
    expect(times(text)).toEqual(expected);
  });

  it.each([
    'about 12 people',
    'around 10 of us',
    'for two in the evening',
    '2026-04-01T15:00',
    'I am here',
    'call 212 555 0199',
    'party of 7',
    '3.5 kg',
  ])('finds no time in %j', (text) => {
    expect(times(text)).toEqual([]);
  });

  it('writes the time in the style asked for', () => {
    expect(times('at 7:30pm', '12h')).toEqual([['7:30 PM', '7:30pm']]);
  });

  it('takes a bare hour only as the whole answer to a question', () => {
    expect(times('7', '24h', true)).toEqual([['07:00', '7']]);
    expect(times('seven', '12h', true)).toEqual([['7:00 AM', 'seven']]);
    expect(times('7')).toEqual([]);
    expect(times('7 people', '24h', true)).toEqual([]);
  });
});

describe('formatTime', () => {
  it.each([
    [19, 30, '24h', '19:30'],
    [7, 5, '24h', '07:05'],
    [19, 30, '12h', '7:30 PM'],
    [0, 0, '12h', '12:00 AM'],
    [12, 15, '12h', '12:15 PM'],
  ] as const)('%d:%d in %s is %s', (hour, minute, style, expected) => {
    expect(formatTime(hour, minute, style)).toBe(expected);
  });
});
