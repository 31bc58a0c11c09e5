import { describe, expect, it } from 'vitest';
import { STOP_WORDS, tokenize, tokenizeDetailed } from './tokenize.js';

describe('tokenize', () => {
  it('lower-cases, drops stop words and stems, keeping the order', () => {
    expect(tokenize('I want to CANCEL my Orders')).toEqual(['cancel', 'order']);
    expect(tokenize('Tracking for the shipping')).toEqual(['track', 'ship']);
  });

  it('splits on anything that is not a letter or digit, in any script', () => {
    expect(tokenize('check_order-status/open!')).toEqual(['check', 'order', 'status', 'open']);
    expect(tokenize('заказ срочно, 配送')).toEqual(['заказ', 'срочно', '配送']);
  });

  it('removes apostrophes first, so contractions become stop words', () => {
    expect(tokenize("What's the weather? I don't see it")).toEqual(['weather', 'see']);
    expect(tokenize('I’m sure it’s late')).toEqual(['sur', 'lat']);
  });

  it('folds accents on Latin letters only', () => {
    expect(tokenize('Résumé café')).toEqual(['resum', 'caf']);
  });

  it('drops single ASCII letters, and values: numbers, ids, emails, times', () => {
    expect(tokenize('plan b 7')).toEqual(['plan']);
    expect(tokenize('cancel ORD-12345 and BK_20417 for ann@example.com at 3pm')).toEqual(['cancel']);
    expect(tokenize('Track 1Z999AA10123456784, like ORD-12345')).toEqual(['track']);
  });

  it('keeps "where", which hints at tracking', () => {
    expect(STOP_WORDS.has('where')).toBe(false);
    expect(tokenize('where is it')).toEqual(['wher']);
  });

  it('returns nothing for empty or stop-word-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  ?! and the of  ')).toEqual([]);
  });

  it('keeps each word as written next to its stem', () => {
    expect(tokenizeDetailed("Where's my ORDERS")).toEqual([
      { word: 'wheres', stem: 'wher' },
      { word: 'orders', stem: 'order' },
    ]);
  });
});
