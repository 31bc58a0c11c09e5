import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../storage/schema.js';
import { excerptOf } from './classify-http-outcome.js';
import {
  claimDue,
  finishAttempt,
  type HeldDelivery,
  type NextState,
  releaseClaim,
} from './delivery-queue.js';
import {
  type AttemptOutcome,
  DEFAULT_RETRY_SCHEDULE_MS,
  type DeliveryHandler,
  type DeliveryKind,
} from './delivery-types.js';
import { onDeliveryEnqueued } from './enqueue.js';
import { nextRetryDelay } from './retry-schedule.js';

/** A claim lasts this long: far past the executor's 30 s deadline, short enough that a crash costs little. */
export const DEFAULT_DELIVERY_LEASE_MS = 120_000;
/** Attempts running at once per instance. */
export const DEFAULT_DELIVERY_CONCURRENCY = 48;
/** Due rows are looked for this often when nothing wakes the worker (retries, other instances' rows). */
export const DEFAULT_DELIVERY_POLL_MS = 1_000;
/** A graceful stop waits this long for running attempts, then gives them back to the queue. */
export const DEFAULT_DELIVERY_GRACE_MS = 10_000;

/** What the worker counts; `Metrics` implements it. */
export interface DeliveryMetrics {
  observeDeliveryAttempt(kind: DeliveryKind, outcome: AttemptOutcome['kind']): void;
  observeDeadLetter(kind: DeliveryKind): void;
}

export interface DeliveryWorkerOptions {
  db: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  /** Names this worker in claims; unique per process (default: hostname, pid and random). */
  instanceId?: string;
  /** Only kinds with a handler are claimed: several workers may share a queue with different handlers. */
  handlers: Partial<Record<DeliveryKind, DeliveryHandler>>;
  leaseMs?: number;
  concurrency?: number;
  pollMs?: number;
  graceMs?: number;
  /** Schedule of rows queued without one (TOOLGATE_DELIVERY_RETRY_SCHEDULE). */
  retryScheduleMs?: readonly number[];
  now?: () => Date;
  random?: () => number;
  logger?: Logger;
  metrics?: DeliveryMetrics;
  /** Told of every row dead-lettered (to emit `delivery.dead_lettered`, disable a gone subscription). */
  onDeadLettered?(delivery: HeldDelivery, reason: string, outcome: AttemptOutcome): Promise<void> | void;
}

/** A worker of the durable queue. */
export interface DeliveryWorker {
  readonly instanceId: string;
  /** Starts polling; idempotent. */
  start(): void;
  /** Looks for due rows now (`enqueue` calls it in-process). */
  wake(): void;
  /**
   * Stops claiming. Graceful (default): running attempts get `graceMs` to finish, the rest are
   * given back to the queue; otherwise they are given back at once.
   */
  stop(options?: { graceful?: boolean }): Promise<void>;
  /** Tests: runs every row due now (and what becomes due meanwhile) until none is left. */
  drain(): Promise<void>;
  /** Tests: resolves when no attempt is running and the last look found nothing. */
  idle(): Promise<void>;
}

/** A process-unique worker name: host, pid and random, readable in `claimed_by`. */
export function createInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The delivery worker: claims due rows with a lease, runs each kind's handler, records the
 * attempt and moves the row on (delivered, retried per its schedule with jitter, or dead).
 *
 * @example
 * const worker = createDeliveryWorker({ db, engine: 'postgres', handlers: { webhook_trigger: handler } });
 * worker.start();
 * // on SIGTERM:
 * await worker.stop({ graceful: true });
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const {
    db,
    handlers,
    leaseMs = DEFAULT_DELIVERY_LEASE_MS,
    concurrency = DEFAULT_DELIVERY_CONCURRENCY,
    pollMs = DEFAULT_DELIVERY_POLL_MS,
    graceMs = DEFAULT_DELIVERY_GRACE_MS,
    retryScheduleMs = DEFAULT_RETRY_SCHEDULE_MS,
    now = () => new Date(),
    random = Math.random,
    logger,
    metrics,
  } = options;
  const instanceId = options.instanceId ?? createInstanceId();
  const kinds = (Object.keys(handlers) as DeliveryKind[]).filter((kind) => handlers[kind] !== undefined);
  /** Running attempts, each with its abort and the promise that settles when it is recorded. */
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let looking: Promise<number> | undefined;
  let lookAgain = false;
  let unsubscribe: (() => void) | undefined;
  let idleWaiters: Array<() => void> = [];
  let lastLookFound = 0;

  function settleIdle(): void {
    if (running.size > 0 || looking || lastLookFound > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function nextState(
    held: HeldDelivery,
    outcome: Exclude<AttemptOutcome, { kind: 'deferred' }>,
    at: Date,
  ): NextState {
    switch (outcome.kind) {
      case 'delivered':
        return { status: 'delivered' };
      case 'failed':
        return { status: 'dead', reason: `failed: ${outcome.error}` };
      case 'gone':
        return { status: 'dead', reason: `gone: ${outcome.error}` };
      case 'retry': {
        const schedule = held.retryScheduleMs ?? retryScheduleMs;
        const delay = nextRetryDelay(schedule, held.attempt, { retryAfterMs: outcome.retryAfterMs, random });
        if (delay === null) {
          return { status: 'dead', reason: `no retry left after ${held.attempt} attempts: ${outcome.error}` };
        }
        return { status: 'pending', nextAttemptAt: new Date(at.getTime() + delay) };
      }
    }
  }

  async function attempt(held: HeldDelivery, abort: AbortController): Promise<void> {
    const handler = handlers[held.kind] as DeliveryHandler;
    const startedAt = now();
    const clock = performance.now();
    const stopped = new Promise<'stopped'>((resolve) =>
      abort.signal.addEventListener('abort', () => resolve('stopped'), { once: true }),
    );
    let outcome: AttemptOutcome | 'stopped';
    try {
      outcome = await Promise.race([handler(held, abort.signal), stopped]);
    } catch (error) {
      outcome = { kind: 'retry', error: `the handler failed: ${describe(error)}` };
      logger?.error({ err: error, deliveryId: held.id, kind: held.kind }, 'delivery handler threw');
    }
    const workerHeld = { id: held.id, tenantId: held.tenantId, attempt: held.attempt, workerId: instanceId };
    if (outcome === 'stopped' || abort.signal.aborted) {
      await releaseClaim(db, workerHeld, startedAt, now());
      return;
    }
    const at = now();
    if (outcome.kind === 'deferred') {
      await releaseClaim(db, workerHeld, startedAt, at, {
        at: new Date(at.getTime() + outcome.delayMs),
        reason: outcome.reason,
      });
      metrics?.observeDeliveryAttempt(held.kind, outcome.kind);
      return;
    }
    const next = nextState(held, outcome, at);
    const kept = await finishAttempt(
      db,
      workerHeld,
      {
        startedAt,
        durationMs: performance.now() - clock,
        outcome: outcome.kind,
        status: outcome.status ?? null,
        error: outcome.kind === 'delivered' ? null : outcome.error,
        excerpt: excerptOf(outcome.excerpt) ?? null,
      },
      next,
      at,
    );
    metrics?.observeDeliveryAttempt(held.kind, outcome.kind);
    if (!kept) {
      logger?.warn(
        { deliveryId: held.id, attempt: held.attempt },
        'a delivery outlived its claim; another worker has it',
      );
      return;
    }
    if (next.status === 'dead') {
      metrics?.observeDeadLetter(held.kind);
      logger?.warn(
        { deliveryId: held.id, tenantId: held.tenantId, kind: held.kind, reason: next.reason },
        'delivery dead-lettered',
      );
      await options.onDeadLettered?.(held, next.reason, outcome);
    }
  }

  function launch(held: HeldDelivery): void {
    const abort = new AbortController();
    const done = attempt(held, abort)
      .catch((error: unknown) => {
        // The database failed while recording: the claim expires and the row is tried again.
        logger?.error(
          { err: error, deliveryId: held.id },
          'could not record a delivery attempt; its claim will expire',
        );
      })
      .finally(() => {
        running.delete(held.id);
        if (!stopping) void look();
        settleIdle();
      });
    running.set(held.id, { abort, done });
  }

  /** Claims what fits in the free slots and starts it; returns how many rows were claimed. */
  function look(): Promise<number> {
    if (looking) {
      lookAgain = true;
      return looking;
    }
    looking = (async () => {
      let total = 0;
      try {
        do {
          lookAgain = false;
          const free = concurrency - running.size;
          if (stopping || free <= 0) break;
          const claimed = await claimDue(db, {
            workerId: instanceId,
            kinds,
            limit: free,
            leaseMs,
            now: now(),
          });
          for (const held of claimed) launch(held);
          total += claimed.length;
          if (claimed.length === free) lookAgain = true;
        } while (lookAgain && !stopping);
      } catch (error) {
        logger?.error({ err: error }, 'could not claim deliveries; trying again at the next poll');
      }
      return total;
    })().finally(() => {
      looking = undefined;
    });
    const current = looking;
    void current.then((found) => {
      lastLookFound = found;
      settleIdle();
    });
    return current;
  }

  function schedule(): void {
    if (stopping || !started) return;
    timer = setTimeout(() => {
      void look().finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    instanceId,
    start() {
      if (started || stopping) return;
      started = true;
      unsubscribe = onDeliveryEnqueued(() => this.wake());
      void look();
      schedule();
    },
    wake() {
      if (started && !stopping) void look();
    },
    async stop({ graceful = true } = {}) {
      stopping = true;
      unsubscribe?.();
      clearTimeout(timer);
      await looking;
      const attempts = [...running.values()];
      if (graceful && attempts.length > 0) {
        let graceTimer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          graceTimer = setTimeout(resolve, graceMs);
        });
        await Promise.race([Promise.all(attempts.map((entry) => entry.done)), grace]);
        clearTimeout(graceTimer);
      }
      for (const entry of running.values()) entry.abort.abort();
      await Promise.all([...running.values()].map((entry) => entry.done));
    },
    async drain() {
      for (;;) {
        const found = await look();
        if (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.done));
        else if (found === 0) return;
      }
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
