import { describe, expect, it } from 'vitest';
import { freeTextAnswers } from './free-text-answer.js';

const values = (text: string, taken: Array<{ start: number; end: number }> = []) =>
  freeTextAnswers(text, taken).map((candidate) => candidate.value);

describe('freeTextAnswers', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['  Jane Doe  ', 'Jane Doe'],
    ["Sure, it's Jane Doe.", 'Jane Doe'],
    ['My name is Jane Doe', 'Jane Doe'],
    ["my name's O'Brien!", "O'Brien"],
    ["I'm Jane", 'Jane'],
    ['actually, it is Bob', 'Bob'],
    ["No, it's Bob", 'Bob'],
    ['sorry, I meant Bob', 'Bob'],
    ['Jane Doe, thanks', 'Jane Doe'],
    ['"Jane Doe"', 'Jane Doe'],
    ['the address is 42 Main St.', '42 Main St'],
    ['Okay, 42 Main St, Springfield', '42 Main St, Springfield'],
    ['Nobody special', 'Nobody special'],
  ])('%j -> %j', (text, expected) => {
    expect(values(text)).toEqual([expected]);
  });

  it.each(['', '   ', 'ok', 'Sure!', 'not sure', "I don't know", 'never mind', 'yes please', "it's"])(
    'finds no answer in %j',
    (text) => {
      expect(values(text)).toEqual([]);
    },
  );

  it('cuts out what other parameters took and keeps each remaining piece', () => {
    const text = 'Jane Doe and my email is jane@example.com';
    expect(values(text, [{ start: 25, end: text.length }])).toEqual(['Jane Doe']);
    const reversed = "my email is jane@example.com and I'm Jane";
    expect(values(reversed, [{ start: 12, end: 28 }])).toEqual(['Jane']);
    expect(values('Jane x@y.io Bob', [{ start: 5, end: 11 }])).toEqual(['Jane', 'Bob']);
  });

  it('reports where the answer is', () => {
    expect(freeTextAnswers("Sure, it's Jane Doe.", [])).toEqual([
      { value: 'Jane Doe', matched: 'Jane Doe', start: 11, end: 19, kind: 'free-text' },
    ]);
  });
});

describe('freeTextAnswers: an account in the customer words is kept whole', () => {
  it.each([
    'the zipper broke',
    'The invoice PDF is blank',
    'no emails from you arrive at all',
    "help, I can't log in to my account",
  ])('%j', (text) => {
    expect(freeTextAnswers(text, []).map((answer) => answer.value)).toEqual([text]);
  });

  it('still takes the value after a label: "my name is", "no, it\'s"', () => {
    expect(freeTextAnswers('my name is Jane Doe', []).map((answer) => answer.value)).toEqual(['Jane Doe']);
    expect(freeTextAnswers("no, it's Dana", []).map((answer) => answer.value)).toEqual(['Dana']);
  });
});
