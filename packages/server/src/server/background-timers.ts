import type { AppServices } from '../http/app-env.js';
import { LOCKS, withAdvisoryLock } from '../shared/advisory-lock.js';
import { IDLE_SWEEP_INTERVAL_MS } from '../stores/conversation-ending.js';

/** The execution log and expired sessions are purged this often. */
export const PURGE_INTERVAL_MS = 3600_000;

/** What one purge removed; `skipped` when another instance was purging. */
export type PurgeOutcome =
  | { skipped: true }
  | { skipped: false; calls: number; sessions: number; deliveries: number };

/**
 * Purges calls and finished deliveries older than `retentionDays` and expired sessions. On
 * PostgreSQL it runs under the `purge` advisory lock without waiting: when another instance of
 * the fleet holds it, this one skips the round (the holder does the same work).
 */
export async function purgeOnce(
  services: AppServices,
  engine: 'pglite' | 'postgres',
  retentionDays: number,
): Promise<PurgeOutcome> {
  const locked = await withAdvisoryLock(services.db, engine, LOCKS.purge, { wait: false }, async () => ({
    calls: await services.calls.purgeOlderThan(retentionDays),
    sessions: await services.sessions.purgeExpired(),
    deliveries: await services.deliveries.purgeFinishedOlderThan(retentionDays),
  }));
  return locked.ran ? { skipped: false, ...locked.value } : { skipped: true };
}

/**
 * Starts the server's periodic work: the purge (once now, then hourly, one instance at a time)
 * and ending idle conversations. Async calls' deadlines are queued deliveries (`async_deadline`),
 * not a timer. Returns what stops them.
 */
export function startBackgroundTimers(
  services: AppServices,
  options: { engine: 'pglite' | 'postgres'; retentionDays: number },
): { stop(): void } {
  const { logger } = services;
  const purge = async () => {
    try {
      const outcome = await purgeOnce(services, options.engine, options.retentionDays);
      if (outcome.skipped) {
        logger.debug('purge skipped: another instance holds the purge lock');
        return;
      }
      const { calls, sessions, deliveries } = outcome;
      if (calls + sessions + deliveries > 0)
        logger.info(
          { calls, sessions, deliveries },
          'purged old calls, finished deliveries and expired sessions',
        );
    } catch (error) {
      logger.error({ err: error }, 'purge failed; it runs again in an hour');
    }
  };
  void purge();
  const purgeTimer = setInterval(purge, PURGE_INTERVAL_MS);
  purgeTimer.unref();
  const endIdle = async () => {
    try {
      const ended = await services.conversationEnding.endIdle();
      if (ended > 0) logger.info({ ended }, 'ended idle conversations');
    } catch (error) {
      logger.error({ err: error }, 'ending idle conversations failed; it runs again in a minute');
    }
  };
  const idleTimer = setInterval(endIdle, IDLE_SWEEP_INTERVAL_MS);
  idleTimer.unref();
  return {
    stop() {
      clearInterval(purgeTimer);
      clearInterval(idleTimer);
    },
  };
}
