import { ConflictError, NotFoundError } from '@toolgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedDelivery, SubscriptionDeliveries } from '../../deliveries/subscription-deliveries.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
type Body = Record<string, any>;
const json = async (response: Response) => (await response.json()) as Body;

/**
 * The queue's delivery store as these routes use it, in memory (the queue itself is tested on its
 * own branch): rows by tenant, replay only of dead ones.
 */
function memoryDeliveries(
  rows: Array<ListedDelivery & { tenantId: string }>,
): SubscriptionDeliveries & { replayedRanges: unknown[] } {
  const find = (tenantId: string, id: string) => {
    const row = rows.find((candidate) => candidate.tenantId === tenantId && candidate.id === id);
    if (!row) throw new NotFoundError('delivery');
    return row;
  };
  const replayedRanges: unknown[] = [];
  return {
    replayedRanges,
    async get(tenantId, id) {
      return find(tenantId, id);
    },
    async list(tenantId, filters) {
      const deliveries = rows.filter(
        (row) =>
          row.tenantId === tenantId &&
          row.subscriptionId === filters.subscriptionId &&
          (filters.status === undefined || row.status === filters.status),
      );
      return { deliveries, nextCursor: null };
    },
    async attempts(tenantId, id) {
      find(tenantId, id);
      return [
        {
          attempt: 1,
          startedAt: '2026-12-07T10:00:00.000Z',
          durationMs: 12.5,
          outcome: 'failed',
          status: 400,
          error: 'x',
          responseExcerpt: '{"error":"bad"}',
        },
      ];
    },
    async replay(tenantId, id) {
      const row = find(tenantId, id);
      if (row.status !== 'dead') throw new ConflictError(`delivery ${id} is ${row.status}`);
      row.status = 'pending';
      return row;
    },
    async replayRange(tenantId, range) {
      replayedRanges.push({ tenantId, ...range });
      return { replayed: [] };
    },
  };
}

describe("a subscription's deliveries, attempts and replay", () => {
  let t: TestApp;
  let bare: TestApp;
  let queue: ReturnType<typeof memoryDeliveries>;
  let mine: string;
  let other: string;
  const rows: Array<ListedDelivery & { tenantId: string }> = [];
  beforeAll(async () => {
    queue = memoryDeliveries(rows);
    const resolve = async () => ['93.184.216.34'];
    t = await createTestApp({ resolve, subscriptionDeliveries: queue });
    bare = await createTestApp({ resolve });
    mine = (await t.services.subscriptions.create(t.tenantA.id, { url: 'https://a.example.com/' }, 'test'))
      .subscription.id;
    other = (await t.services.subscriptions.create(t.tenantA.id, { url: 'https://b.example.com/' }, 'test'))
      .subscription.id;
    const row = (id: string, subscriptionId: string, status: ListedDelivery['status']) => ({
      tenantId: t.tenantA.id,
      id,
      kind: 'event' as const,
      eventType: 'message.created',
      subscriptionId,
      status,
      attempts: 8,
      nextAttemptAt: null,
      lastStatus: 400,
      lastError: 'failed',
      createdAt: '2026-12-07T10:00:00.000Z',
      finishedAt: null,
    });
    rows.push(
      row('dlv_dead', mine, 'dead'),
      row('dlv_done', mine, 'delivered'),
      row('dlv_other', other, 'dead'),
    );
  });
  afterAll(async () => {
    await t?.close();
    await bare?.close();
  });

  it("lists the subscription's own deliveries, filtered by status, with their attempts", async () => {
    const all = await json(await t.call('GET', `/api/v1/subscriptions/${mine}/deliveries`));
    expect(all.deliveries.map((d: Body) => d.id)).toEqual(['dlv_dead', 'dlv_done']);
    const dead = await json(await t.call('GET', `/api/v1/subscriptions/${mine}/deliveries?status=dead`));
    expect(dead.deliveries.map((d: Body) => d.id)).toEqual(['dlv_dead']);
    const attempts = await json(
      await t.call('GET', `/api/v1/subscriptions/${mine}/deliveries/dlv_dead/attempts`),
    );
    expect(attempts.attempts[0]).toMatchObject({
      status: 400,
      durationMs: 12.5,
      responseExcerpt: '{"error":"bad"}',
    });
    // Another subscription's delivery through this one: 404.
    expect((await t.call('GET', `/api/v1/subscriptions/${mine}/deliveries/dlv_other/attempts`)).status).toBe(
      404,
    );
    expect((await t.call('GET', `/api/v1/subscriptions/${mine}/deliveries?limit=0`)).status).toBe(422);
  });

  it('replays one dead delivery (not a delivered one) and a time range', async () => {
    const replayed = await t.call('POST', `/api/v1/subscriptions/${mine}/deliveries/dlv_dead/replay`);
    expect(replayed.status).toBe(200);
    expect((await json(replayed)).status).toBe('pending');
    expect((await t.call('POST', `/api/v1/subscriptions/${mine}/deliveries/dlv_done/replay`)).status).toBe(
      409,
    );
    const range = await t.call('POST', `/api/v1/subscriptions/${mine}/replay`, {
      body: { from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' },
    });
    expect(range.status).toBe(200);
    expect(queue.replayedRanges).toEqual([
      {
        tenantId: t.tenantA.id,
        subscriptionId: mine,
        status: 'dead',
        from: new Date('2026-12-01T00:00:00Z'),
        to: new Date('2026-12-08T00:00:00Z'),
      },
    ]);
    const backwards = await t.call('POST', `/api/v1/subscriptions/${mine}/replay`, {
      body: { from: '2026-12-08T00:00:00Z', to: '2026-12-01T00:00:00Z' },
    });
    expect(backwards.status).toBe(422);
  });

  it("another tenant's subscription is 404, and the server's own queue answers for a new one", async () => {
    for (const path of [
      `/subscriptions/${mine}/deliveries`,
      `/subscriptions/${mine}/deliveries/dlv_dead/attempts`,
    ]) {
      expect((await t.call('GET', `/api/v1${path}`, { key: t.tenantB.adminKey })).status).toBe(404);
    }
    const id = (
      await bare.services.subscriptions.create(bare.tenantA.id, { url: 'https://a.example.com/' }, 'test')
    ).subscription.id;
    const answer = await bare.call('GET', `/api/v1/subscriptions/${id}/deliveries`);
    expect(answer.status).toBe(200);
    expect((await json(answer)).deliveries).toEqual([]);
  });
});
