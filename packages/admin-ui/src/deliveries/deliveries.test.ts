import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { listAttempts, listDeliveries, replayDelivery, replayRange } from './deliveries-api';
import {
  describeDelivery,
  describeLastAttempt,
  formatDuration,
  replayRangeOf,
  toDeliveryPage,
} from './delivery-view';

const deadRow = {
  id: 'dlv_1',
  kind: 'webhook_trigger',
  eventType: 'lead_captured',
  status: 'dead',
  attempts: 8,
  nextAttemptAt: null,
  lastStatus: 400,
  lastError: 'the receiver answered 400; not retried',
  createdAt: '2026-12-07T10:00:00.000Z',
  finishedAt: '2026-12-07T10:00:01.000Z',
};

function fakeClient(answer: unknown) {
  const sent: { method: HttpMethod; path: string; options: RequestOptions | undefined }[] = [];
  const client: ApiClient = {
    async request(method, path, options) {
      sent.push({ method, path, options });
      return answer;
    },
    async stream() {},
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, sent };
}

describe('the deliveries API', () => {
  it('lists the queue with its filters', async () => {
    const { client, sent } = fakeClient({ deliveries: [deadRow], nextCursor: null });
    const page = await listDeliveries(client, { status: 'dead', kind: 'webhook_trigger' });
    expect(page.deliveries[0]).toMatchObject({ id: 'dlv_1', kind: 'webhook_trigger', lastStatus: 400 });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      path: '/deliveries',
      options: { query: { status: 'dead', kind: 'webhook_trigger', limit: 50 } },
    });
  });

  it('reads attempts and replays one delivery by its encoded id', async () => {
    const attempts = fakeClient({
      attempts: [
        {
          attempt: 1,
          startedAt: '2026-12-07T10:00:00.000Z',
          durationMs: 12.4,
          outcome: 'failed',
          status: 400,
          error: 'bad',
          responseExcerpt: '{"error":"no"}',
        },
      ],
    });
    expect(await listAttempts(attempts.client, 'dlv/1')).toEqual([
      expect.objectContaining({ attempt: 1, status: 400, responseExcerpt: '{"error":"no"}' }),
    ]);
    expect(attempts.sent[0]?.path).toBe('/deliveries/dlv%2F1/attempts');
    const replay = fakeClient({ ...deadRow, status: 'pending', attempts: 0 });
    expect((await replayDelivery(replay.client, 'dlv_1')).status).toBe('pending');
    expect(replay.sent[0]).toMatchObject({ method: 'POST', path: '/deliveries/dlv_1/replay' });
  });

  it('replays a range and returns the ids; an answer it cannot read is an error', async () => {
    const ok = fakeClient({ replayed: ['dlv_1', 'dlv_2'] });
    const range = { from: '2026-12-07T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' };
    expect(await replayRange(ok.client, range)).toEqual(['dlv_1', 'dlv_2']);
    expect(ok.sent[0]).toMatchObject({
      method: 'POST',
      path: '/deliveries/replay',
      options: { body: range },
    });
    await expect(replayRange(fakeClient({ replayed: 3 }).client, range)).rejects.toBeInstanceOf(ApiError);
    await expect(listDeliveries(fakeClient({ rows: [] }).client, {})).rejects.toBeInstanceOf(ApiError);
  });
});

describe('how deliveries read', () => {
  it('names the kind and event, and the last attempt in words', () => {
    const [row] = toDeliveryPage({ deliveries: [deadRow], nextCursor: null }).deliveries;
    if (!row) throw new Error('no row');
    expect(describeDelivery(row)).toBe("Agent's webhook trigger: lead_captured");
    expect(describeLastAttempt(row)).toBe('HTTP 400: the receiver answered 400; not retried');
    expect(describeLastAttempt({ ...row, lastStatus: null, lastError: 'timeout' })).toBe(
      'no response: timeout',
    );
    expect(describeLastAttempt({ ...row, attempts: 0 })).toBe('not tried yet');
    expect(describeDelivery({ kind: null, eventType: null })).toBe('Delivery');
    expect([formatDuration(12.4), formatDuration(1_420)]).toEqual(['12 ms', '1.4 s']);
  });

  it('refuses a row it cannot read instead of showing half of it', () => {
    expect(() => toDeliveryPage({ deliveries: [{ ...deadRow, status: 'lost' }], nextCursor: null })).toThrow(
      ApiError,
    );
  });

  it('checks a replay range: both ends, in order', () => {
    expect(replayRangeOf('', '2026-12-07T10:00')).toEqual({ problem: 'From: choose a date and time' });
    expect(replayRangeOf('2026-12-07T10:00', 'soon')).toEqual({
      problem: 'To: "soon" is not a date and time',
    });
    expect(replayRangeOf('2026-12-07T11:00', '2026-12-07T10:00')).toEqual({
      problem: 'From must be before To',
    });
    const ok = replayRangeOf('2026-12-07T10:00', '2026-12-07T11:00');
    expect('from' in ok && new Date(ok.to).getTime() - new Date(ok.from).getTime()).toBe(3_600_000);
  });
});
