import { describe, expect, it } from 'vitest';
import { classifyHttpOutcome, parseRetryAfter } from './classify-http-outcome.js';
import { jitteredDelay, MAX_RETRY_AFTER_MS, nextRetryDelay, parseRetrySchedule } from './retry-schedule.js';

describe('retry schedule', () => {
  it('keeps jitter within ±20 % and never negative', () => {
    expect(jitteredDelay(10_000, () => 0)).toBe(8_000);
    expect(jitteredDelay(10_000, () => 0.999999)).toBe(12_000);
    expect(jitteredDelay(10_000, () => 0.5)).toBe(10_000);
    expect(jitteredDelay(0, () => 0)).toBe(0);
  });

  it('gives the delay of each retry, Retry-After when later, and null after the last', () => {
    expect(nextRetryDelay([100, 200], 1, { random: () => 0.5 })).toBe(100);
    expect(nextRetryDelay([100, 200], 2, { random: () => 0.5, retryAfterMs: 5_000 })).toBe(5_000);
    expect(nextRetryDelay([100, 200], 3)).toBeNull();
  });

  it('parses the configured schedule and names a bad entry', () => {
    expect(parseRetrySchedule('0, 200,500')).toEqual([0, 200, 500]);
    expect(parseRetrySchedule('').length).toBe(7);
    expect(() => parseRetrySchedule('0,soon')).toThrow(
      'entry 2 must be a whole number of milliseconds, got "soon"',
    );
    expect(() => parseRetrySchedule('0,-5')).toThrow(/entry 2/);
  });
});

describe('classifyHttpOutcome', () => {
  const now = Date.parse('2026-12-07T00:00:00Z');
  it('maps statuses and errors to outcomes', () => {
    expect(classifyHttpOutcome({ status: 204 }).kind).toBe('delivered');
    expect(classifyHttpOutcome({ status: 410 }).kind).toBe('gone');
    expect(classifyHttpOutcome({ status: 404 }).kind).toBe('failed');
    expect(classifyHttpOutcome({ status: 301 }).kind).toBe('failed');
    expect(classifyHttpOutcome({ status: 408 }).kind).toBe('retry');
    expect(classifyHttpOutcome({ status: 502 }).kind).toBe('retry');
    expect(classifyHttpOutcome({ error: 'ECONNRESET' })).toEqual({ kind: 'retry', error: 'ECONNRESET' });
  });

  it('honours Retry-After in seconds or as a date, capped', () => {
    expect(classifyHttpOutcome({ status: 429, headers: { 'Retry-After': '30' } }, now)).toMatchObject({
      kind: 'retry',
      retryAfterMs: 30_000,
    });
    expect(parseRetryAfter('Mon, 07 Dec 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('whenever', now)).toBeUndefined();
  });

  it('keeps at most 1 KB of the response', () => {
    const outcome = classifyHttpOutcome({ status: 500, body: 'é'.repeat(2_000) });
    expect(Buffer.byteLength((outcome as { excerpt: string }).excerpt)).toBe(1024);
  });
});
