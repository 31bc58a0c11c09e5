import { describe, expect, it } from 'vitest';
import { buildIntentIndex } from './build-intent-index.js';
import { messageTerms } from './message-terms.js';
import { containsSequence, ENTITY_BONUS, PHRASE_BONUS, scoreCandidate } from './score-candidate.js';
import { phraseWords, tokenize } from './tokenize.js';
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
  return scoreCandidate(
    index,
    candidate,
    messageTerms(index, message),
    tokenize(message),
    entities,
    phraseWords(message),
  );
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
  it('saturates with evidence: one name word 0.57, two 0.73', () => {
    expect(score('cancel_order', 'cancel')).toEqual({
      score: 0.5714,
      evidence: 2,
      matched: ['cancel'],
      terms: ['cancel'],
    });
    expect(score('cancel_order', 'cancel order')).toEqual({
      score: 0.7273,
      evidence: 4,
      matched: ['cancel', 'order'],
      terms: ['cancel', 'order'],
    });
  });

  it('gives less for words found only in a weaker field', () => {
    const shipped = score('cancel_order', 'shipped');
    expect(shipped.score).toBe(0.4);
    expect(shipped.matched).toEqual(['ship']);
  });

  it('counts a typo at half weight and labels it', () => {
    expect(score('cancel_order', 'cancle')).toMatchObject({
      score: 0.4,
      evidence: 1,
      matched: ['cancle~cancel'],
    });
  });

  it('is not diluted by words nobody knows or by values, however long the message', () => {
    const short = score('cancel_order', 'cancel my order');
    const long = score(
      'cancel_order',
      'so sorry to bother you, my aunt visited and we sorted it ourselves, please cancel order ORD-12345 for ann@example.com',
    );
    expect(long.score).toBe(short.score);
    expect(score('cancel_order', 'cancel 12345').score).toBe(score('cancel_order', 'cancel').score);
  });

  it('adds the phrase bonus once when a trigger phrase appears in order, after stemming', () => {
    const withPhrase = score('track_parcel', "Where's my parcels?");
    expect(withPhrase.matched).toContain('phrase:"where is my parcel"');
    const wordsOnly = score('track_parcel', 'parcel where');
    expect(wordsOnly.matched.some((label) => label.startsWith('phrase:'))).toBe(false);
    expect(withPhrase.score).toBe(1);
  });

  it("gives a share of the phrase bonus when the phrase's words appear out of order", () => {
    const outOfOrder = score('track_parcel', 'parcel where');
    expect(outOfOrder.matched).toContain('phrase~"where is my parcel"');
    const plain = score('track_parcel', 'parcel');
    expect(outOfOrder.score).toBeGreaterThan(plain.score);
    expect(PHRASE_BONUS).toBe(0.5);
  });

  it('adds a bonus per declared entity kind the message contains', () => {
    const plain = score('track_parcel', 'follow it');
    const oneEntity = score('track_parcel', 'follow it', ['email', 'phone']);
    expect(oneEntity.score).toBeCloseTo(Math.min(1, plain.score + ENTITY_BONUS), 4);
    expect(oneEntity.matched).toContain('entity:email');
    expect(score('cancel_order', 'xyz', ['email']).score).toBe(0);
  });

  it('scores 0 for a message with no meaningful word', () => {
    expect(score('cancel_order', 'the and of')).toEqual({ score: 0, evidence: 0, matched: [] });
  });
});
