import { describe, expect, it } from 'vitest';
import { STOP_WORDS, tokenize, tokenizeDetailed } from './tokenize.js';

describe('tokenize', () => {
  it('lower-cases, drops stop words and stems, keeping the order', () => {
    expect(tokenize('I want to CANCEL my Orders')).toEqual(['cancel', 'order']);
    expect(tokenize('Tracking for the shipping')).toEqual(['track', 'ship']);
  });

  it('splits on anything that is not a letter or digit, in any script', () => {
    expect(tokenize('check_order-status/now!')).toEqual(['check', 'order', 'status', 'now']);
    expect(tokenize('заказ 42, 配送')).toEqual(['заказ', '42', '配送']);
  });

  it('removes apostrophes first, so contractions become stop words', () => {
    expect(tokenize("What's the weather? I don't know")).toEqual(['weather', 'know']);
    expect(tokenize('I’m sure it’s late')).toEqual(['sur', 'lat']);
  });

  it('folds accents on Latin letters only', () => {
    expect(tokenize('Résumé café')).toEqual(['resum', 'caf']);
  });

  it('drops single ASCII letters but keeps digits', () => {
    expect(tokenize('plan b 7')).toEqual(['plan', '7']);
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
