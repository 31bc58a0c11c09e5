import { describe, expect, it } from 'vitest';
import { buildIntentIndex } from './build-intent-index.js';
import { SHOP_CANDIDATES } from './intent-candidates.fixture.js';
import { scoreIntent } from './score-intent.js';

const shop = buildIntentIndex(SHOP_CANDIDATES);

describe('scoreIntent', () => {
  it('sends "where is my order?" to check_order_status', () => {
    const result = scoreIntent(shop, 'where is my order?');
    expect(result).toMatchObject({ best: 'check_order_status', reason: 'matched' });
    expect(result.scores[0]?.matched).toEqual(['wher=>status', 'order']);
  });

  it('sends "I want to cancel my order" to cancel_order despite the shared word', () => {
    const result = scoreIntent(shop, 'I want to cancel my order');
    expect(result.best).toBe('cancel_order');
    const status = result.scores.find((entry) => entry.name === 'check_order_status');
    expect(status?.score).toBeGreaterThan(0);
    expect(result.scores[0]?.evidence ?? 0).toBeGreaterThan(2 * (status?.evidence ?? 0));
  });

  it('sends a haircut request to book_appointment through the trigger phrase', () => {
    const result = scoreIntent(shop, 'can I book a haircut tomorrow');
    expect(result).toMatchObject({ best: 'book_appointment', reason: 'matched' });
    expect(result.scores[0]?.matched).toContain('phrase:"haircut"');
    expect(scoreIntent(shop, 'a haircut please').best).toBe('book_appointment');
  });

  it('chooses nothing for an unrelated message', () => {
    const result = scoreIntent(shop, "what's the weather");
    expect(result).toMatchObject({ best: null, reason: 'below_threshold' });
    expect(result.scores.every((entry) => entry.score === 0)).toBe(true);
  });

  it('understands "cancle my ordr" through the typo in "cancle" (not "ordr", too short)', () => {
    const result = scoreIntent(shop, 'cancle my ordr');
    expect(result.best).toBe('cancel_order');
    expect(result.scores[0]?.matched).toEqual(['cancle~cancel']);
  });

  it('understands a swapped-letter typo', () => {
    expect(scoreIntent(shop, 'stauts of order 4521').best).toBe('check_order_status');
  });

  it('refuses to choose between two equally likely actions', () => {
    const result = scoreIntent(shop, 'I have a question about my order');
    expect(result).toMatchObject({ best: null, reason: 'ambiguous' });
    expect(result.scores[0]?.score).toBe(result.scores[1]?.score);
    expect(result.scores[0]?.score).toBeGreaterThan(0.35);
  });

  it('lists every candidate best first, equal scores in the candidates order', () => {
    const result = scoreIntent(shop, 'cancel');
    expect(result.scores.map((entry) => entry.name)).toEqual([
      'cancel_order',
      'check_order_status',
      'book_appointment',
    ]);
    expect(result.scores[0]?.score).toBeGreaterThan(0.5);
    expect(result.scores.slice(1).map((entry) => entry.score)).toEqual([0, 0]);
  });

  it('adds the entity bonus to candidates that declare the detected kind', () => {
    const plain = scoreIntent(shop, 'with a stylist');
    const withDate = scoreIntent(shop, 'with a stylist', { entities: ['date'] });
    const before = plain.scores.find((entry) => entry.name === 'book_appointment')?.score ?? 0;
    const after = withDate.scores.find((entry) => entry.name === 'book_appointment')?.score ?? 0;
    expect(after).toBeGreaterThan(before);
    expect(withDate.scores[0]?.matched).toContain('entity:date');
  });

  it('honours a custom threshold and margin', () => {
    expect(scoreIntent(shop, 'cancle my ordr', { threshold: 0.9 }).reason).toBe('below_threshold');
    expect(scoreIntent(shop, 'order').reason).toBe('ambiguous');
    expect(scoreIntent(shop, 'order', { margin: 0 }).reason).toBe('matched');
  });

  it('rejects a threshold or margin outside 0..1', () => {
    expect(() => scoreIntent(shop, 'x', { threshold: 1.5 })).toThrow(RangeError);
    expect(() => scoreIntent(shop, 'x', { margin: Number.NaN })).toThrow(RangeError);
  });

  it('says no_candidates for an empty index', () => {
    expect(scoreIntent(buildIntentIndex([]), 'cancel my order')).toEqual({
      best: null,
      scores: [],
      reason: 'no_candidates',
    });
  });
});

describe('scoreIntent with required parameters', () => {
  const lookups = buildIntentIndex([
    { name: 'find_order_by_number', description: 'Find an order', triggers: { requires: ['order_number'] } },
    { name: 'find_order_by_email', description: 'Find an order', triggers: { requires: ['email'] } },
  ]);

  it('chooses the only candidate whose requirements are present', () => {
    const result = scoreIntent(lookups, 'find my order', { presentParameters: ['email'] });
    expect(result).toMatchObject({ best: 'find_order_by_email', reason: 'matched' });
    const blocked = result.scores.find((entry) => entry.name === 'find_order_by_number');
    expect(blocked).toMatchObject({ eligible: false, missingParameters: ['order_number'] });
    expect(blocked?.score).toBe(result.scores.find((entry) => entry.name === 'find_order_by_email')?.score);
  });

  it('is ambiguous when both are eligible', () => {
    const result = scoreIntent(lookups, 'find my order', { presentParameters: ['email', 'order_number'] });
    expect(result).toMatchObject({ best: null, reason: 'ambiguous' });
  });

  it('chooses nothing, and says why, when no candidate above the threshold is eligible', () => {
    const result = scoreIntent(lookups, 'find my order');
    expect(result).toMatchObject({ best: null, reason: 'requirements_unmet' });
    expect(result.scores.every((entry) => !entry.eligible && entry.score > 0.35)).toBe(true);
  });
});

describe('scoreIntent: a request about something else', () => {
  const desk = buildIntentIndex([
    { name: 'book_table', displayName: 'Book a table', description: 'Reserve a table at the restaurant.' },
    { name: 'track_shipment', description: 'Track a parcel by its tracking number.' },
  ]);

  it('chooses nothing when only an action verb fits and the thing asked for is unknown', () => {
    expect(scoreIntent(desk, 'can you book me a flight to Denver?').reason).toBe('off_topic');
    expect(scoreIntent(desk, 'I want to track my running').reason).toBe('off_topic');
  });

  it('still chooses when the thing is named, or a value is given', () => {
    expect(scoreIntent(desk, 'can you book me a table for Friday?').best).toBe('book_table');
    expect(scoreIntent(desk, 'track 1Z999AA10123456784 please, Dana').best).toBe('track_shipment');
  });
});
