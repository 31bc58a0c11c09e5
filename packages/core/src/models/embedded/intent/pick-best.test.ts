import { describe, expect, it } from 'vitest';
import { type IntentScore, pickBest } from './pick-best.js';

const options = { threshold: 0.35, margin: 0.1 };

function entry(name: string, score: number, missingParameters: string[] = []): IntentScore {
  return { name, score, matched: [], eligible: missingParameters.length === 0, missingParameters };
}

describe('pickBest', () => {
  it('chooses a clear winner', () => {
    expect(pickBest([entry('a', 0.8), entry('b', 0.5)], options)).toEqual({ best: 'a', reason: 'matched' });
  });

  it('accepts a score exactly at the threshold and a lead exactly at the margin', () => {
    expect(pickBest([entry('a', 0.35), entry('b', 0.25)], options)).toEqual({ best: 'a', reason: 'matched' });
  });

  it('refuses a winner under the threshold', () => {
    expect(pickBest([entry('a', 0.34), entry('b', 0)], options)).toEqual({
      best: null,
      reason: 'below_threshold',
    });
  });

  it('refuses a winner that does not lead by the margin', () => {
    expect(pickBest([entry('a', 0.8), entry('b', 0.71)], options)).toEqual({
      best: null,
      reason: 'ambiguous',
      contenders: ['a', 'b'],
    });
  });

  it('names as contenders the eligible candidates within the margin of the best, best first', () => {
    expect(
      pickBest([entry('a', 0.8, ['id']), entry('b', 0.6), entry('c', 0.55), entry('d', 0.49)], options),
    ).toEqual({ best: null, reason: 'ambiguous', contenders: ['b', 'c'] });
  });

  it('never chooses an ineligible candidate, nor counts it as a rival', () => {
    expect(pickBest([entry('a', 0.9, ['id']), entry('b', 0.85)], options)).toEqual({
      best: 'b',
      reason: 'matched',
    });
  });

  it('says requirements_unmet when only ineligible candidates reach the threshold', () => {
    expect(pickBest([entry('a', 0.9, ['id']), entry('b', 0.1)], options)).toEqual({
      best: null,
      reason: 'requirements_unmet',
    });
  });

  it('says no_candidates for an empty list', () => {
    expect(pickBest([], options)).toEqual({ best: null, reason: 'no_candidates' });
  });
});
