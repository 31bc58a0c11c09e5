import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue } from '../../deliveries/enqueue.js';
import { json } from '../../test/conversation-fixture.js';
import { describeEachEngine } from '../../test/describe-each-engine.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describeEachEngine('the tenant-wide delivery queue routes on $engine', (engine) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const created = new Date('2026-12-07T10:00:00Z');

  /** A row of `kind` for `tenant`, dead-lettered or left pending (the worker is stopped first). */
  async function row(tenantId: string, kind: 'webhook_trigger' | 'channel_reply', dead: boolean) {
    const id = await enqueue(
      t.services.db,
      { tenantId, kind, payload: { n: 1 }, notBefore: new Date(Date.now() + 3_600_000) },
      created,
    );
    if (dead)
      await t.services.db
        .updateTable('deliveries')
        .set({ status: 'dead', attempts: 8, last_error: 'no retry left', finished_at: created })
        .where('id', '=', id)
        .execute();
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ engine, resolve: async () => ['93.184.216.34'] });
    await t.services.deliveryWorker.stop({ graceful: false });
    ids.deadTrigger = await row(t.tenantA.id, 'webhook_trigger', true);
    ids.deadReply = await row(t.tenantA.id, 'channel_reply', true);
    ids.pending = await row(t.tenantA.id, 'webhook_trigger', false);
    ids.othersDead = await row(t.tenantB.id, 'webhook_trigger', true);
  });
  afterAll(() => t?.close());

  it("lists the tenant's dead letters of every kind, filtered by kind, and none of another tenant's", async () => {
    const dead = await json(await t.call('GET', '/api/v1/deliveries?status=dead'));
    expect(dead.deliveries.map((d: { id: string }) => d.id).sort()).toEqual(
      [ids.deadTrigger, ids.deadReply].sort(),
    );
    const triggers = await json(await t.call('GET', '/api/v1/deliveries?status=dead&kind=webhook_trigger'));
    expect(triggers.deliveries).toEqual([
      expect.objectContaining({ id: ids.deadTrigger, kind: 'webhook_trigger', status: 'dead', attempts: 8 }),
    ]);
    const all = await json(await t.call('GET', '/api/v1/deliveries'));
    expect(all.deliveries.map((d: { id: string }) => d.id)).not.toContain(ids.othersDead);
  });

  it('refuses a bad filter naming the field', async () => {
    const kind = await t.call('GET', '/api/v1/deliveries?kind=everything');
    expect(kind.status).toBe(422);
    expect(JSON.stringify(await json(kind))).toContain('kind');
    const limit = await t.call('GET', '/api/v1/deliveries?limit=0');
    expect([400, 422]).toContain(limit.status);
    expect(JSON.stringify(await json(limit))).toContain('/limit');
  });

  it("answers another tenant's delivery with 404, for attempts and replay alike", async () => {
    for (const [method, path] of [
      ['GET', `/api/v1/deliveries/${ids.othersDead}/attempts`],
      ['POST', `/api/v1/deliveries/${ids.othersDead}/replay`],
    ] as const)
      expect((await t.call(method, path)).status).toBe(404);
    const stillDead = await t.services.db
      .selectFrom('deliveries')
      .select('status')
      .where('id', '=', ids.othersDead as string)
      .executeTakeFirstOrThrow();
    expect(stillDead.status).toBe('dead');
  });

  it('replays one dead delivery with its id and fresh attempts; a pending one is a 409', async () => {
    const replayed = await t.call('POST', `/api/v1/deliveries/${ids.deadTrigger}/replay`);
    expect(replayed.status).toBe(200);
    expect(await json(replayed)).toMatchObject({ id: ids.deadTrigger, status: 'pending', attempts: 0 });
    expect((await t.call('POST', `/api/v1/deliveries/${ids.pending}/replay`)).status).toBe(409);
  });

  it('replays a time range of dead letters of the tenant only; from after to is refused', async () => {
    const backwards = await t.call('POST', '/api/v1/deliveries/replay', {
      body: { from: '2026-12-08T00:00:00Z', to: '2026-12-07T00:00:00Z' },
    });
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(await json(backwards))).toContain('/from');
    const range = await json(
      await t.call('POST', '/api/v1/deliveries/replay', {
        body: { from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z' },
      }),
    );
    expect(range.replayed).toEqual([ids.deadReply]);
    const others = await t.services.db
      .selectFrom('deliveries')
      .select('status')
      .where('id', '=', ids.othersDead as string)
      .executeTakeFirstOrThrow();
    expect(others.status).toBe('dead');
  });
});
