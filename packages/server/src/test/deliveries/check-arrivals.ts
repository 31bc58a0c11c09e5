import type { Arrival } from './flaky-receiver.js';

/** What a run's arrivals came to. */
export interface ArrivalReport {
  /** Everything wrong, one sentence each; empty when the run kept its promise. */
  problems: string[];
  /** Distinct delivery ids seen. */
  ids: number;
  /** Arrivals beyond the first of their id (retries after a failure, redeliveries after a crash). */
  repeats: number;
  /** Arrivals of an id after one of them was already answered 200: true duplicates. */
  duplicatesAfterSuccess: number;
}

/** How the check reads an event out of a body: the producer's sequence number and the event's own key. */
export interface EventReader {
  /** The sequence number the producer put in the event (undefined: not one of ours). */
  sequenceOf(body: unknown): number | undefined;
  /** What identifies one produced event across attempts (e.g. the tool call's id). */
  eventKeyOf(body: unknown): string | undefined;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Checks at-least-once delivery: every produced sequence number arrived with a 200 at least
 * once; no arrival lacks an id or carries a number nobody produced; all arrivals of one id carry
 * the same body; and all arrivals of one event carry the same id (a redelivery is recognisable).
 *
 * @example
 * checkArrivals([1, 2], arrivals, reader).problems; // ['sequence 2: never answered 200 (0 arrivals)']
 */
export function checkArrivals(
  produced: Iterable<number>,
  arrivals: readonly Arrival[],
  reader: EventReader,
): ArrivalReport {
  const problems: string[] = [];
  const bodyOfId = new Map<string, string>();
  const idOfEvent = new Map<string, string>();
  const delivered = new Set<string>();
  const bySequence = new Map<number, { arrivals: number; ok: number }>();
  let repeats = 0;
  let duplicatesAfterSuccess = 0;
  const expected = new Set(produced);

  for (const [index, arrival] of arrivals.entries()) {
    const where = `arrival ${index + 1}`;
    if (arrival.id === undefined) {
      problems.push(`${where}: no webhook-id or idempotency-key header`);
      continue;
    }
    const body = parse(arrival.body);
    const sequence = reader.sequenceOf(body);
    if (sequence === undefined || !expected.has(sequence)) {
      problems.push(`${where} (${arrival.id}): sequence ${sequence} was never produced`);
      continue;
    }
    const known = bodyOfId.get(arrival.id);
    if (known === undefined) bodyOfId.set(arrival.id, arrival.body);
    else {
      repeats += 1;
      if (known !== arrival.body) problems.push(`${where} (${arrival.id}): a repeat with a different body`);
    }
    if (delivered.has(arrival.id)) duplicatesAfterSuccess += 1;
    if (arrival.status >= 200 && arrival.status < 300) delivered.add(arrival.id);
    const eventKey = reader.eventKeyOf(body);
    if (eventKey === undefined) problems.push(`${where} (${arrival.id}): the body names no event key`);
    else {
      const idOf = idOfEvent.get(eventKey);
      if (idOf === undefined) idOfEvent.set(eventKey, arrival.id);
      else if (idOf !== arrival.id)
        problems.push(`${where}: event ${eventKey} came as ${idOf} and again as ${arrival.id}`);
    }
    const counts = bySequence.get(sequence) ?? { arrivals: 0, ok: 0 };
    counts.arrivals += 1;
    if (arrival.status >= 200 && arrival.status < 300) counts.ok += 1;
    bySequence.set(sequence, counts);
  }
  for (const sequence of expected) {
    const counts = bySequence.get(sequence);
    if (!counts?.ok)
      problems.push(`sequence ${sequence}: never answered 200 (${counts?.arrivals ?? 0} arrivals)`);
  }
  return { problems, ids: bodyOfId.size, repeats, duplicatesAfterSuccess };
}

/** Sequence numbers produced but not yet answered 200: what a drain still waits for. */
export function undelivered(
  produced: Iterable<number>,
  arrivals: readonly Arrival[],
  reader: EventReader,
): number[] {
  const ok = new Set<number>();
  for (const arrival of arrivals) {
    if (arrival.status < 200 || arrival.status >= 300) continue;
    const sequence = reader.sequenceOf(parse(arrival.body));
    if (sequence !== undefined) ok.add(sequence);
  }
  return [...produced].filter((sequence) => !ok.has(sequence));
}
