import { describe, expect, it } from 'vitest';
import { resolveCandidates } from './resolve-candidates.js';
import type { SlotCandidate } from './slot-candidate.js';

/** Candidates for every `ORD-n` in the text. */
function ids(text: string): SlotCandidate[] {
  return [...text.matchAll(/ORD-\d+/g)].map((match) => ({
    value: match[0],
    matched: match[0],
    start: match.index,
    end: match.index + match[0].length,
    kind: 'pattern',
  }));
}

describe('resolveCandidates', () => {
  it('is none without candidates and the value with one', () => {
    expect(resolveCandidates([], 'hello')).toEqual({ outcome: 'none' });
    expect(resolveCandidates(ids('ORD-1 and ORD-1'), 'ORD-1 and ORD-1')).toEqual({
      outcome: 'filled',
      candidate: ids('ORD-1')[0],
    });
  });

  it('is ambiguous with two values, reporting the first of each', () => {
    const text = 'ORD-1 or ORD-2 or ORD-1';
    const result = resolveCandidates(ids(text), text);
    expect(result.outcome === 'ambiguous' && result.candidates.map((candidate) => candidate.start)).toEqual([
      0, 9,
    ]);
  });

  it('follows a correction to a single value', () => {
    const text = 'ORD-1, sorry, I meant ORD-2';
    const result = resolveCandidates(ids(text), text);
    expect(result.outcome === 'filled' && result.candidate.value).toBe('ORD-2');
    const still = 'ORD-1, I meant ORD-2 or ORD-3';
    expect(resolveCandidates(ids(still), still).outcome).toBe('ambiguous');
  });

  it('tells the number 3 from the text "3"', () => {
    const candidates: SlotCandidate[] = [
      { value: 3, matched: '3', start: 0, end: 1, kind: 'number' },
      { value: '3', matched: '3', start: 2, end: 3, kind: 'free-text' },
    ];
    expect(resolveCandidates(candidates, '3 3').outcome).toBe('ambiguous');
  });

  it('drops a candidate inside a longer one', () => {
    const candidates: SlotCandidate[] = [
      { value: 'express_plus', matched: 'express plus', start: 0, end: 12, kind: 'enum' },
      { value: 'express', matched: 'express', start: 0, end: 7, kind: 'enum' },
    ];
    expect(resolveCandidates(candidates, 'express plus')).toEqual({
      outcome: 'filled',
      candidate: candidates[0],
    });
  });

  it('lets a refused value give way to the other', () => {
    const value = (text: string) => {
      const resolution = resolveCandidates(ids(text), text);
      return resolution.outcome === 'filled' ? resolution.candidate.value : resolution.outcome;
    };
    expect(value('ORD-2, not ORD-1')).toBe('ORD-2');
    expect(value('ORD-2 instead of ORD-1')).toBe('ORD-2');
    expect(value('not ORD-1')).toBe('ORD-1');
  });

  it('takes what follows a self-correction', () => {
    const value = (text: string) => {
      const resolution = resolveCandidates(ids(text), text);
      return resolution.outcome === 'filled' ? resolution.candidate.value : resolution.outcome;
    };
    expect(value('ORD-1... no wait, ORD-2')).toBe('ORD-2');
    expect(value('ORD-1, or rather ORD-2')).toBe('ORD-2');
  });
});
