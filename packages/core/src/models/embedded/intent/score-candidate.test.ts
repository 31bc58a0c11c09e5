import { describe, expect, it } from 'vitest';
import { buildIntentIndex } from './build-intent-index.js';
import { messageTerms } from './message-terms.js';
import { containsSequence, ENTITY_BONUS, PHRASE_BONUS, scoreCandidate } from './score-candidate.js';
import { tokenize } from './tokenize.js';
import type { IntentCandidate, IntentEntityKind } from './types.js';

const CANDIDATES: IntentCandidate[] = [
  { name: 'cancel_order', description: 'Cancel an order that has not shipped yet' },
  {
    name: 'track_parcel',
    description: 'Follow a parcel',
    triggers: { phrases: ['where is my parcel'], entities: ['order_id', 'email'] },
  },
];
const index = buildIntentIndex(CANDIDATES);

function score(name: string, message: string, entities: IntentEntityKind[] = []) {
  const candidate = index.candidates.find((item) => item.name === name);
  if (candidate === undefined) throw new Error(`no candidate ${name}`);
  return scoreCandidate(index, candidate, messageTerms(index, message), tokenize(message), entities);
}

describe('containsSequence', () => {
  it('finds consecutive items only', () => {
    expect(containsSequence(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsSequence(['a', 'b', 'c'], ['a', 'c'])).toBe(false);
    expect(containsSequence(['a'], ['a', 'b'])).toBe(false);
    expect(containsSequence(['a'], [])).toBe(false);
  });
});

describe('scoreCandidate', () => {
  it('gives 1 when every word hits the top field', () => {
    expect(score('cancel_order', 'cancel order')).toEqual({ score: 1, matched: ['cancel', 'order'] });
  });

  it('gives less for words found only in a weaker field', () => {
    const shipped = score('cancel_order', 'shipped');
    expect(shipped.score).toBe(0.5);
    expect(shipped.matched).toEqual(['ship']);
  });

  it('counts a typo at half weight and labels it', () => {
    expect(score('cancel_order', 'cancle')).toEqual({ score: 0.5, matched: ['cancle~cancel'] });
  });

  it('lets words no candidate knows dilute the score, and ignores numbers', () => {
    const diluted = score('cancel_order', 'cancel pizza');
    expect(diluted.score).toBeLessThan(1);
    expect(diluted.score).toBeGreaterThan(0.7);
    expect(score('cancel_order', 'cancel 12345').score).toBe(1);
  });

  it('adds the phrase bonus once when a trigger phrase appears in order, after stemming', () => {
    const withPhrase = score('track_parcel', "Where's my parcels?");
    expect(withPhrase.matched).toContain('phrase:"where is my parcel"');
    const wordsOnly = score('track_parcel', 'parcel where');
    expect(wordsOnly.matched.some((label) => label.startsWith('phrase:'))).toBe(false);
    expect(withPhrase.score).toBe(1);
    expect(wordsOnly.score + PHRASE_BONUS).toBeGreaterThan(1);
  });

  it('adds a bonus per declared entity kind the message contains', () => {
    const plain = score('track_parcel', 'follow it');
    const oneEntity = score('track_parcel', 'follow it', ['email', 'phone']);
    expect(oneEntity.score).toBeCloseTo(Math.min(1, plain.score + ENTITY_BONUS), 4);
    expect(oneEntity.matched).toContain('entity:email');
    expect(score('cancel_order', 'xyz', ['email']).score).toBe(0);
  });

  it('scores 0 for a message with no meaningful word', () => {
    expect(score('cancel_order', 'the and of')).toEqual({ score: 0, matched: [] });
  });
});
