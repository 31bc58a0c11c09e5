import type { ActionResult, CallTrigger } from '@toolgate/core';
import { ToolgateError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toApiError } from '../http/api-error.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { LOGGED_REQUEST_BODY_BYTES, LOGGED_RESPONSE_PREVIEW_BYTES } from './call-record.js';
import { type CallStore, type CallView, createCallStore } from './call-store.js';
import { createTenantStore } from './tenant-store.js';

const DAY = 86_400_000;
const NOW = new Date('2026-03-20T12:00:00.000Z');
let sequence = 0;

function succeeded(action: string, extra: { body?: string; responseBody?: string } = {}): ActionResult {
  sequence += 1;
  return {
    ok: true,
    callId: `call_${String(sequence).padStart(4, '0')}`,
    action,
    durationMs: 42.5,
    status: 200,
    data: { status: 'shipped' },
    request: {
      method: 'POST',
      url: 'https://api.example.com/orders',
      headers: { 'content-type': 'application/json', authorization: '[redacted]' },
      body: extra.body ?? '{"order":"ORD-1"}',
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: extra.responseBody ?? '{"status":"shipped"}',
      bodyBytes: Buffer.byteLength(extra.responseBody ?? '{"status":"shipped"}'),
      truncated: false,
    },
    redirects: [],
    truncated: false,
  };
}

function failed(action: string): ActionResult {
  sequence += 1;
  return {
    ok: false,
    callId: `call_${String(sequence).padStart(4, '0')}`,
    action,
    durationMs: 10_000,
    status: null,
    request: null,
    response: null,
    redirects: [],
    truncated: false,
    failure: { kind: 'timeout', message: 'the endpoint did not answer in 10 s', expected: false },
  };
}

const ids = (calls: CallView[]) => calls.map((call) => call.id);

describeEachEngine('the call store on $engine', (engine) => {
  let opened: OpenDatabase;
  let store: CallStore;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    const tenants = createTenantStore(opened.db);
    await tenants.create({ id: 'tenant_a', name: 'A' });
    await tenants.create({ id: 'tenant_b', name: 'B' });
    await tenants.create({ id: 'tenant_pages', name: 'Pages' });
    await tenants.create({ id: 'tenant_purge', name: 'Purge' });
    store = createCallStore(opened.db, () => NOW);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const record = (
    tenantId: string,
    result: ActionResult,
    at: Date,
    extra: { actionId?: string; trigger?: CallTrigger; conversationId?: string } = {},
  ) =>
    store.record({
      tenantId,
      actionId: extra.actionId ?? 'act_1',
      trigger: extra.trigger ?? 'ai_intent',
      conversationId: extra.conversationId,
      contactId: 'contact_9',
      result,
      at,
    });

  it('records a call and reads it back the same', async () => {
    const recorded = await record('tenant_a', succeeded('check_order'), new Date(NOW.getTime() - 1000), {
      conversationId: 'conv_1',
    });
    expect(recorded).toMatchObject({
      actionId: 'act_1',
      actionName: 'check_order',
      conversationId: 'conv_1',
      contactId: 'contact_9',
      trigger: 'ai_intent',
      idempotencyKey: recorded.id,
      status: 200,
      outcome: 'ok',
      failureKind: null,
      durationMs: 42.5,
      result: { ok: true, status: 200, data: { status: 'shipped' } },
      response: {
        headers: { 'content-type': 'application/json' },
        bodyPreview: '{"status":"shipped"}',
        truncated: false,
      },
      createdAt: new Date(NOW.getTime() - 1000).toISOString(),
    });
    expect(await store.get('tenant_a', recorded.id)).toEqual(recorded);

    const failure = await record('tenant_a', failed('check_order'), new Date(NOW.getTime() - 500));
    const read = await store.get('tenant_a', failure.id);
    expect(read).toEqual(failure);
    expect(read).toMatchObject({
      request: null,
      response: null,
      status: null,
      outcome: 'failed',
      failureKind: 'timeout',
      conversationId: null,
      result: {
        ok: false,
        status: null,
        error: { kind: 'timeout', message: 'the endpoint did not answer in 10 s' },
      },
    });
  });

  it('cuts the request body to 10 KB and the response preview to 2 KB', async () => {
    const body = 'b'.repeat(LOGGED_REQUEST_BODY_BYTES + 500);
    const responseBody = 'r'.repeat(LOGGED_RESPONSE_PREVIEW_BYTES + 500);
    const recorded = await record('tenant_a', succeeded('big_call', { body, responseBody }), NOW);
    const read = await store.get('tenant_a', recorded.id);
    const request = read.request as { body: string; bodyTruncated?: boolean };
    expect(request.body).toHaveLength(LOGGED_REQUEST_BODY_BYTES);
    expect(request.bodyTruncated).toBe(true);
    const response = read.response as { bodyPreview: string; truncated: boolean };
    expect(response.bodyPreview).toHaveLength(LOGGED_RESPONSE_PREVIEW_BYTES);
    expect(response.truncated).toBe(true);

    const small = await store.get('tenant_a', (await record('tenant_a', succeeded('small_call'), NOW)).id);
    expect(small.request).not.toHaveProperty('bodyTruncated');
    expect((small.response as { truncated: boolean }).truncated).toBe(false);
  });

  it('lists newest first and filters by every field', async () => {
    const base = NOW.getTime() - 10 * DAY;
    const at = (hours: number) => new Date(base + hours * 3600_000);
    const a = await record('tenant_b', succeeded('check_order'), at(1), {
      actionId: 'act_x',
      conversationId: 'c1',
    });
    const b = await record('tenant_b', failed('check_order'), at(2), {
      actionId: 'act_x',
      trigger: 'manual',
    });
    const c = await record('tenant_b', succeeded('book_table'), at(3), {
      actionId: 'act_y',
      trigger: 'button_click',
      conversationId: 'c1',
    });
    const d = await record('tenant_b', failed('book_table'), at(4), {
      actionId: 'act_y',
      conversationId: 'c2',
    });

    expect(ids((await store.list('tenant_b')).calls)).toEqual([d.id, c.id, b.id, a.id]);
    expect(ids((await store.list('tenant_b', { actionId: 'act_x' })).calls)).toEqual([b.id, a.id]);
    expect(ids((await store.list('tenant_b', { actionName: 'book_table' })).calls)).toEqual([d.id, c.id]);
    expect(ids((await store.list('tenant_b', { outcome: 'failed' })).calls)).toEqual([d.id, b.id]);
    expect(ids((await store.list('tenant_b', { outcome: 'ok' })).calls)).toEqual([c.id, a.id]);
    expect(ids((await store.list('tenant_b', { conversationId: 'c1' })).calls)).toEqual([c.id, a.id]);
    expect(ids((await store.list('tenant_b', { trigger: 'manual' })).calls)).toEqual([b.id]);
    expect(ids((await store.list('tenant_b', { from: at(2), to: at(4) })).calls)).toEqual([c.id, b.id]);
    expect(ids((await store.list('tenant_b', { from: at(4) })).calls)).toEqual([d.id]);
    expect(ids((await store.list('tenant_b', { to: at(1) })).calls)).toEqual([]);
    expect(
      ids((await store.list('tenant_b', { actionId: 'act_y', outcome: 'ok', conversationId: 'c1' })).calls),
    ).toEqual([c.id]);
    expect((await store.list('tenant_b', { actionName: 'nothing_like_it' })).calls).toEqual([]);
  });

  it('pages through calls with a cursor, never skipping or repeating', async () => {
    const base = NOW.getTime() - DAY;
    // Seven calls, three pairs sharing a timestamp, so the id must break ties.
    const offsets = [0, 1000, 1000, 2000, 2000, 3000, 3000];
    const recorded: CallView[] = [];
    for (const offset of offsets)
      recorded.push(await record('tenant_pages', succeeded('paged'), new Date(base + offset)));
    const expected = ids((await store.list('tenant_pages', { limit: 50 })).calls);
    expect(expected).toHaveLength(7);
    expect(new Set(expected)).toEqual(new Set(ids(recorded)));

    const first = await store.list('tenant_pages', { limit: 3 });
    expect(first.calls).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await store.list('tenant_pages', { limit: 3, cursor: first.nextCursor as string });
    expect(second.calls).toHaveLength(3);
    const third = await store.list('tenant_pages', { limit: 3, cursor: second.nextCursor as string });
    expect(third.calls).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
    expect([...ids(first.calls), ...ids(second.calls), ...ids(third.calls)]).toEqual(expected);

    const atLeastOne = await store.list('tenant_pages', { limit: 0 });
    expect(ids(atLeastOne.calls)).toEqual(expected.slice(0, 1));
    expect(atLeastOne.nextCursor).toEqual(expect.any(String));
    const exact = await store.list('tenant_pages', { limit: 7 });
    expect(exact.calls).toHaveLength(7);
    expect(exact.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue with bad_request', async () => {
    for (const cursor of [
      'garbage!!',
      Buffer.from('not json').toString('base64url'),
      Buffer.from('["not a date","call_1"]').toString('base64url'),
      Buffer.from('["2026-03-20T00:00:00.000Z",5]').toString('base64url'),
    ]) {
      const error = await store.list('tenant_a', { cursor }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolgateError);
      expect((error as ToolgateError).code).toBe('bad_request');
      expect(toApiError(error)?.status).toBe(400);
    }
  });

  it('keeps calls inside their tenant', async () => {
    const recorded = await record('tenant_a', succeeded('private_call'), NOW);
    const error = await store.get('tenant_b', recorded.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolgateError);
    expect(toApiError(error)?.status).toBe(404);
    expect(ids((await store.list('tenant_b', { limit: 200 })).calls)).not.toContain(recorded.id);
  });

  it('purges only calls older than the retention period', async () => {
    const count = async () =>
      Number(
        (
          await opened.db
            .selectFrom('calls')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const old1 = await record('tenant_purge', succeeded('old'), new Date(NOW.getTime() - 31 * DAY));
    const old2 = await record('tenant_purge', failed('old'), new Date(NOW.getTime() - 400 * DAY));
    const fresh = await record('tenant_purge', succeeded('fresh'), new Date(NOW.getTime() - 29 * DAY));
    const before = await count();
    expect(await store.purgeOlderThan(30)).toBe(2);
    expect(await count()).toBe(before - 2);
    expect(ids((await store.list('tenant_purge')).calls)).toEqual([fresh.id]);
    for (const gone of [old1, old2]) {
      expect(
        await store.get('tenant_purge', gone.id).catch((caught: unknown) => toApiError(caught)?.status),
      ).toBe(404);
    }
    expect(await store.purgeOlderThan(30)).toBe(0);
  });
  it("sums up each action's recent calls and its latest outcome, per tenant", async () => {
    await createTenantStore(opened.db).create({ id: 'tenant_summary', name: 'Summary' });
    await createTenantStore(opened.db).create({ id: 'tenant_summary_other', name: 'Other' });
    const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3600_000);
    await record('tenant_summary', succeeded('a'), at(30), { actionId: 'act_a' });
    await record('tenant_summary', succeeded('a'), at(3), { actionId: 'act_a' });
    await record('tenant_summary', failed('a'), at(1), { actionId: 'act_a' });
    await record('tenant_summary', succeeded('b'), at(48), { actionId: 'act_b' });
    await record('tenant_summary_other', succeeded('a'), at(1), { actionId: 'act_a' });
    const summary = await store.summaryByAction('tenant_summary');
    expect(summary.sort((x, y) => x.actionId.localeCompare(y.actionId))).toEqual([
      { actionId: 'act_a', callsLast24h: 2, lastCallAt: at(1).toISOString(), lastOutcome: 'failed' },
      { actionId: 'act_b', callsLast24h: 0, lastCallAt: at(48).toISOString(), lastOutcome: 'ok' },
    ]);
  });
});
