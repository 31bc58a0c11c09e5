import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { createDeliveryStore } from './delivery-store.js';
import type { AttemptOutcome, ClaimedDelivery } from './delivery-types.js';
import { createDeliveryWorker } from './delivery-worker.js';
import { enqueue } from './enqueue.js';

const TENANT = 'tenant_q';

describeEachEngine('the delivery queue on $engine', (engine) => {
  let database: OpenDatabase;
  let clock = new Date('2026-12-07T00:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db
      .insertInto('tenants')
      .values({ id: TENANT, name: 'Queue', max_actions: 10, created_at: clock })
      .execute();
    await database.db
      .insertInto('tenants')
      .values({ id: 'tenant_other', name: 'Other', max_actions: 10, created_at: clock })
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.deleteFrom('deliveries').execute();
    clock = new Date('2026-12-07T00:00:00Z');
  });

  function worker(handler: (delivery: ClaimedDelivery) => Promise<AttemptOutcome>, extra = {}) {
    return createDeliveryWorker({
      db: database.db,
      engine,
      handlers: { webhook_trigger: handler },
      now,
      random: () => 0.5,
      retryScheduleMs: [1_000, 5_000],
      ...extra,
    });
  }
  const queue = (extra = {}) =>
    enqueue(database.db, { tenantId: TENANT, kind: 'webhook_trigger', payload: { n: 1 }, ...extra }, now());

  it('leaves no row when the enqueuing transaction rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { tenantId: TENANT, kind: 'webhook_trigger', payload: {} }, now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.selectFrom('deliveries').select('id').execute()).toEqual([]);
  });

  it('delivers once, with the same id on every attempt, retrying per the schedule', async () => {
    const id = await queue();
    const seen: Array<{ id: string; attempt: number }> = [];
    const outcomes: AttemptOutcome[] = [
      { kind: 'retry', error: 'timeout' },
      { kind: 'retry', status: 503, error: 'busy' },
      { kind: 'delivered', status: 200, excerpt: 'ok' },
    ];
    const w = worker(async (delivery) => {
      seen.push({ id: delivery.id, attempt: delivery.attempt });
      return outcomes.shift() as AttemptOutcome;
    });
    await w.drain();
    expect(seen).toEqual([{ id, attempt: 1 }]);
    clock = new Date(clock.getTime() + 999);
    await w.drain();
    expect(seen.length).toBe(1);
    clock = new Date(clock.getTime() + 1);
    await w.drain();
    clock = new Date(clock.getTime() + 5_000);
    await w.drain();
    expect(seen).toEqual([
      { id, attempt: 1 },
      { id, attempt: 2 },
      { id, attempt: 3 },
    ]);
    const store = createDeliveryStore(database.db, now);
    expect(await store.get(TENANT, id)).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    expect((await store.attempts(TENANT, id)).map((a) => [a.attempt, a.outcome, a.status])).toEqual([
      [1, 'retry', null],
      [2, 'retry', 503],
      [3, 'delivered', 200],
    ]);
    await expect(store.get('tenant_other', id)).rejects.toThrow(/not found/i);
  });

  it('dead-letters after the last retry, on failed and on gone, with the reason', async () => {
    const retried = await queue({ retryScheduleMs: [0] });
    const failed = await queue({ payload: { n: 2 } });
    const gone = await queue({ payload: { n: 3 } });
    const dead: string[] = [];
    const w = worker(
      async (delivery): Promise<AttemptOutcome> => {
        if (delivery.payload.n === 2) return { kind: 'failed', status: 400, error: 'bad request' };
        if (delivery.payload.n === 3) return { kind: 'gone', status: 410, error: 'gone' };
        return { kind: 'retry', status: 500, error: 'boom' };
      },
      { onDeadLettered: (delivery: ClaimedDelivery) => void dead.push(delivery.id) },
    );
    await w.drain();
    const store = createDeliveryStore(database.db, now);
    expect(await store.get(TENANT, retried)).toMatchObject({ status: 'dead', attempts: 2 });
    expect((await store.get(TENANT, retried)).lastError).toMatch(/no retry left after 2 attempts: boom/);
    expect(await store.get(TENANT, failed)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'failed: bad request',
    });
    expect(await store.get(TENANT, gone)).toMatchObject({
      status: 'dead',
      lastStatus: 410,
      lastError: 'gone: gone',
    });
    expect(dead.sort()).toEqual([retried, failed, gone].sort());
  });

  it('honours Retry-After when it is later than the schedule', async () => {
    const id = await queue();
    const w = worker(async () => ({ kind: 'retry', status: 429, error: 'slow down', retryAfterMs: 30_000 }));
    await w.drain();
    const row = await createDeliveryStore(database.db, now).get(TENANT, id);
    expect(new Date(row.nextAttemptAt).getTime() - clock.getTime()).toBe(30_000);
  });

  it('replays dead rows singly and by range, same id and attempts reset', async () => {
    const store = createDeliveryStore(database.db, now);
    const first = await queue();
    const w = worker(async () => ({ kind: 'failed', status: 404, error: 'no such hook' }));
    await w.drain();
    await expect(store.replay('tenant_other', first)).rejects.toThrow(/not found/i);
    expect(await store.replay(TENANT, first)).toMatchObject({ id: first, status: 'pending', attempts: 0 });
    await expect(store.replay(TENANT, first)).rejects.toThrow(/only dead deliveries/);
    await w.drain();
    clock = new Date(clock.getTime() + 60_000);
    const second = await queue();
    await w.drain();
    const range = {
      from: new Date(clock.getTime() - 1),
      to: new Date(clock.getTime() + 1),
      status: 'dead' as const,
    };
    expect(await store.replayRange('tenant_other', range)).toEqual({ replayed: [] });
    expect(await store.replayRange(TENANT, range)).toEqual({ replayed: [second] });
    expect((await store.get(TENANT, first)).status).toBe('dead');
    expect((await store.list(TENANT, { status: 'pending' })).deliveries.map((d) => d.id)).toEqual([second]);
  });

  it('retakes a claim that expired (a crashed worker) and ignores the late finish of the old holder', async () => {
    const id = await queue();
    let release!: (outcome: AttemptOutcome) => void;
    const stuck = worker(() => new Promise<AttemptOutcome>((resolve) => (release = resolve)), {
      leaseMs: 10_000,
      instanceId: 'crashed',
    });
    const first = stuck.drain();
    await expect.poll(() => release !== undefined).toBe(true);
    const second = worker(async () => ({ kind: 'delivered', status: 200 }), { instanceId: 'fresh' });
    await second.drain();
    expect((await createDeliveryStore(database.db, now).get(TENANT, id)).status).toBe('pending');
    clock = new Date(clock.getTime() + 10_001);
    await second.drain();
    release({ kind: 'failed', status: 400, error: 'late' });
    await first;
    const store = createDeliveryStore(database.db, now);
    expect(await store.get(TENANT, id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('gives running attempts back on stop, and the attempt does not count', async () => {
    const id = await queue();
    let started = false;
    const w = worker(
      () => {
        started = true;
        return new Promise<AttemptOutcome>(() => {});
      },
      { graceMs: 10 },
    );
    w.start();
    await expect.poll(() => started).toBe(true);
    await w.stop({ graceful: true });
    const store = createDeliveryStore(database.db, now);
    expect(await store.get(TENANT, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await store.attempts(TENANT, id)).map((a) => a.outcome)).toEqual(['released']);
  });

  it('puts a deferred row back for its delay without counting the attempt, however often', async () => {
    const id = await queue();
    let calls = 0;
    const w = worker(async () => {
      calls += 1;
      return calls <= 3
        ? { kind: 'deferred', reason: 'the subscription is paused', delayMs: 60_000 }
        : { kind: 'delivered', status: 200 };
    });
    const store = createDeliveryStore(database.db, now);
    for (let round = 1; round <= 3; round += 1) {
      await w.drain();
      expect(calls).toBe(round);
      expect(await store.get(TENANT, id)).toMatchObject({ status: 'pending', attempts: 0 });
      clock = new Date(clock.getTime() + 59_000);
      await w.drain();
      expect(calls).toBe(round); // not due before its delay
      clock = new Date(clock.getTime() + 1_000);
    }
    await w.drain();
    expect(await store.get(TENANT, id)).toMatchObject({ status: 'delivered', attempts: 1 });
    const attempts = await store.attempts(TENANT, id);
    expect(attempts.map((a) => a.outcome).sort()).toEqual(['deferred', 'deferred', 'deferred', 'delivered']);
    expect(attempts.find((a) => a.outcome === 'deferred')?.error).toBe('the subscription is paused');
  });

  it('claims each due row for one worker only (two workers at once)', async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 40; index++) ids.add(await queue({ payload: { index } }));
    const seen: string[] = [];
    const handler = async (delivery: ClaimedDelivery): Promise<AttemptOutcome> => {
      seen.push(delivery.id);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { kind: 'delivered', status: 200 };
    };
    const a = worker(handler, { concurrency: 4, instanceId: 'a' });
    const b = worker(handler, { concurrency: 4, instanceId: 'b' });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.length).toBe(40);
    expect(new Set(seen)).toEqual(ids);
  });
});
