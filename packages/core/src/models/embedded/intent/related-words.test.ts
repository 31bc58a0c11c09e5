import { describe, expect, it } from 'vitest';
import { RELATED_WORD_GROUPS, relatedStems } from './related-words.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './tokenize.js';

describe('relatedStems', () => {
  it('links "where" to status and tracking', () => {
    expect(relatedStems(stem('where'))).toEqual(expect.arrayContaining(['status', 'track', 'arriv']));
  });

  it('is symmetric and never lists the word itself', () => {
    for (const group of RELATED_WORD_GROUPS) {
      for (const from of group.map(stem)) {
        expect(relatedStems(from)).not.toContain(from);
        for (const to of relatedStems(from)) expect(relatedStems(to)).toContain(from);
      }
    }
  });

  it('returns nothing for a word in no group', () => {
    expect(relatedStems('pizza')).toEqual([]);
  });

  it('uses no stop word, which the tokenizer would drop anyway', () => {
    for (const word of RELATED_WORD_GROUPS.flat()) expect(STOP_WORDS.has(word)).toBe(false);
  });
});
