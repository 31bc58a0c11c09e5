import { describe, expect, it } from 'vitest';
import { checkArrivals, undelivered } from './check-arrivals.js';
import type { Arrival } from './flaky-receiver.js';
import { PROBE_EVENT, probeReader } from './trigger-model.js';

const body = (seq: number, callId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event: PROBE_EVENT, data: { seq }, context: { call_id: callId, ...extra } });
const arrival = (id: string | undefined, text: string, status = 200): Arrival => ({
  id,
  idempotencyKey: id,
  body: text,
  status,
  receivedAt: 0,
});

describe('checkArrivals', () => {
  it('accepts every event delivered, with retries and redeliveries under the same id and body', () => {
    const arrivals = [
      arrival('d1', body(1, 'c1'), 500),
      arrival('d1', body(1, 'c1')),
      arrival('d1', body(1, 'c1')),
      arrival('d2', body(2, 'c2')),
      // A resent turn made a second event with the same number: its own id, accepted.
      arrival('d3', body(2, 'c3')),
    ];
    expect(checkArrivals([1, 2], arrivals, probeReader)).toEqual({
      problems: [],
      ids: 3,
      repeats: 2,
      duplicatesAfterSuccess: 1,
    });
  });

  it('names each lost event, counting the attempts that failed', () => {
    const arrivals = [arrival('d1', body(1, 'c1'), 500), arrival('d1', body(1, 'c1'), 500)];
    expect(checkArrivals([1, 2], arrivals, probeReader).problems).toEqual([
      'sequence 1: never answered 200 (2 arrivals)',
      'sequence 2: never answered 200 (0 arrivals)',
    ]);
    expect(undelivered([1, 2], arrivals, probeReader)).toEqual([1, 2]);
  });

  it('refuses a repeat whose body changed, an event under two ids, a missing id and a stranger', () => {
    const arrivals = [
      arrival('d1', body(1, 'c1', { timestamp: 'first' })),
      arrival('d1', body(1, 'c1', { timestamp: 'second' })),
      arrival('d9', body(1, 'c1', { timestamp: 'first' })),
      arrival(undefined, body(1, 'c1')),
      arrival('d4', body(77, 'c4')),
    ];
    expect(checkArrivals([1], arrivals, probeReader).problems).toEqual([
      'arrival 2 (d1): a repeat with a different body',
      'arrival 3: event c1 came as d1 and again as d9',
      'arrival 4: no webhook-id or idempotency-key header',
      'arrival 5 (d4): sequence 77 was never produced',
    ]);
  });
});
