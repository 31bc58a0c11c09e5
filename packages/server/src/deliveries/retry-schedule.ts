import { DEFAULT_RETRY_SCHEDULE_MS } from './delivery-types.js';

/**
 * Each retry's delay is moved by up to this fraction either way (±20 %), so deliveries that failed
 * together (an endpoint's outage) do not all come back in the same second.
 */
export const RETRY_JITTER_FRACTION = 0.2;
/** A `Retry-After` further away than this is cut to it: a receiver cannot park a delivery for days. */
export const MAX_RETRY_AFTER_MS = 3_600_000;
/** The longest delay a schedule may hold (and how long a configured schedule may wait): one day. */
export const MAX_RETRY_DELAY_MS = 86_400_000;
/** At most this many retries in one schedule. */
export const MAX_RETRIES = 20;

/**
 * A delay with jitter: `delayMs` times a factor drawn uniformly from [0.8, 1.2) with `random`
 * (Math.random's contract: [0, 1)). Never negative; 0 stays 0 (an immediate retry stays immediate).
 *
 * @example
 * jitteredDelay(5_000, () => 0.5); // 5000
 */
export function jitteredDelay(delayMs: number, random: () => number = Math.random): number {
  if (delayMs <= 0) return 0;
  const factor = 1 + (random() * 2 - 1) * RETRY_JITTER_FRACTION;
  return Math.max(0, Math.round(delayMs * factor));
}

/**
 * When a delivery whose `attempt` (1 = the first) asked to be retried runs again, or `null` when
 * the schedule has no retry left (the delivery is dead-lettered). A receiver's `Retry-After`
 * (capped at MAX_RETRY_AFTER_MS) pushes the retry later, never earlier.
 */
export function nextRetryDelay(
  schedule: readonly number[],
  attempt: number,
  options: { retryAfterMs?: number | undefined; random?: () => number } = {},
): number | null {
  const planned = schedule[attempt - 1];
  if (planned === undefined) return null;
  const delay = jitteredDelay(planned, options.random);
  const asked =
    options.retryAfterMs === undefined ? 0 : Math.min(Math.max(options.retryAfterMs, 0), MAX_RETRY_AFTER_MS);
  return Math.max(delay, asked);
}

/**
 * Checks a retry schedule (per row or configured); throws naming the bad entry and `where` it
 * came from.
 */
export function checkRetrySchedule(schedule: readonly number[], where = 'retryScheduleMs'): number[] {
  if (schedule.length > MAX_RETRIES)
    throw new Error(`${where}: at most ${MAX_RETRIES} retries, got ${schedule.length}`);
  return schedule.map((delay, index) => {
    if (!Number.isInteger(delay) || delay < 0 || delay > MAX_RETRY_DELAY_MS) {
      throw new Error(
        `${where}: entry ${index + 1} must be a whole number of milliseconds from 0 to ${MAX_RETRY_DELAY_MS}, got ${delay}`,
      );
    }
    return delay;
  });
}

/**
 * Parses `TOOLGATE_DELIVERY_RETRY_SCHEDULE`: delays before each retry in ms, comma-separated
 * ("0,200,500"); an empty text is the standard schedule. Throws naming the bad entry.
 */
export function parseRetrySchedule(text: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '') return [...DEFAULT_RETRY_SCHEDULE_MS];
  const entries = trimmed.split(',').map((entry) => entry.trim());
  return checkRetrySchedule(
    entries.map((entry, index) => {
      if (!/^\d+$/.test(entry))
        throw new Error(`entry ${index + 1} must be a whole number of milliseconds, got "${entry}"`);
      return Number(entry);
    }),
    'the retry schedule',
  );
}
