import { describe, expect, it } from 'vitest';
import { buildIntentIndex } from './build-intent-index.js';
import { SHOP_CANDIDATES } from './intent-candidates.fixture.js';
import { messageTerms } from './message-terms.js';

const index = buildIntentIndex(SHOP_CANDIDATES);

describe('messageTerms', () => {
  it('classifies known, near, unknown and ignored words', () => {
    const terms = messageTerms(index, 'stauts of my order 12345 please, weather');
    // The number never reaches the terms: values are left out by the tokenizer.
    expect(terms.map((term) => [term.word, term.kind])).toEqual([
      ['stauts', 'near'],
      ['order', 'known'],
      ['weather', 'unknown'],
    ]);
  });

  it('finds typo targets by stem or by written word, only for long enough words', () => {
    const [cancle, ordr] = messageTerms(index, 'cancle ordr');
    expect(cancle?.typoTargets).toEqual(['cancel']);
    expect(ordr?.kind).toBe('unknown');
  });

  it('lists related stems that the index knows, even for known words', () => {
    const [where] = messageTerms(index, 'where');
    expect(where?.kind).toBe('near');
    expect(where?.relatedTargets).toEqual(['track', 'status']);
    const [book] = messageTerms(index, 'book');
    expect(book?.kind).toBe('known');
    expect(book?.relatedTargets).toEqual(['appoint']);
  });

  it('values a near word at the best IDF of its targets', () => {
    const [where] = messageTerms(index, 'where');
    expect(where?.referenceIdf).toBe(index.idf.get('status'));
  });

  it('keeps each stem once, with its first spelling', () => {
    expect(messageTerms(index, 'Orders order ORDERED').map((term) => term.word)).toEqual(['orders']);
  });
});
