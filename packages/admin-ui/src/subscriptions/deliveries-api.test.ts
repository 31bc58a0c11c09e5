import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import { listAttempts, listDeadLetters, replayDelivery, replayRange } from './deliveries-api';
import { describeLastResponse } from './delivery-view';

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

const dead = {
  id: 'dlv_1',
  eventType: 'lead.captured',
  status: 'dead',
  attempts: 8,
  nextAttemptAt: null,
  lastStatus: 503,
  lastError: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-02T10:00:00.000Z',
};

describe('the dead-letter API', () => {
  it('lists dead deliveries and leaves out rows it cannot read', async () => {
    const { client, sent } = fakeClient({ deliveries: [dead, { id: 'x', status: 'odd' }], nextCursor: 'c2' });
    const page = await listDeadLetters(client, 'sub/1', 'c1');
    expect(page.deliveries).toEqual([
      {
        id: 'dlv_1',
        eventType: 'lead.captured',
        status: 'dead',
        attempts: 8,
        lastStatus: 503,
        lastError: null,
        createdAt: '2026-12-01T10:00:00.000Z',
        finishedAt: '2026-12-02T10:00:00.000Z',
      },
    ]);
    expect(page.nextCursor).toBe('c2');
    expect(sent[0]).toMatchObject({
      method: 'GET',
      path: '/subscriptions/sub%2F1/deliveries',
      options: { query: { status: 'dead', limit: 50, cursor: 'c1' } },
    });
    expect(describeLastResponse(page.deliveries[0] ?? dead)).toBe('HTTP 503');
  });

  it('says what the last error was when there was no response', () => {
    expect(
      describeLastResponse({ ...dead, status: 'dead', lastStatus: null, lastError: 'connection refused' }),
    ).toBe('connection refused');
  });

  it('reads attempts with their duration and response excerpt', async () => {
    const attempt = {
      attempt: 1,
      startedAt: '2026-12-01T10:00:00.000Z',
      durationMs: 120,
      outcome: 'retry',
      status: 503,
      error: null,
      responseExcerpt: 'busy',
    };
    const { client, sent } = fakeClient({ attempts: [attempt] });
    expect(await listAttempts(client, 'sub_1', 'dlv_1')).toEqual([attempt]);
    expect(sent[0]?.path).toBe('/subscriptions/sub_1/deliveries/dlv_1/attempts');
  });

  it('replays one delivery through its replay route', async () => {
    const { client, sent } = fakeClient({ ...dead, status: 'pending', attempts: 0 });
    const row = await replayDelivery(client, 'sub_1', 'dlv_1');
    expect(row.status).toBe('pending');
    expect(sent).toEqual([
      { method: 'POST', path: '/subscriptions/sub_1/deliveries/dlv_1/replay', options: undefined },
    ]);
  });

  it('replays a time range and counts the replayed deliveries', async () => {
    const { client, sent } = fakeClient({ replayed: ['dlv_1', 'dlv_2'] });
    const range = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' };
    expect(await replayRange(client, 'sub_1', range)).toBe(2);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/subscriptions/sub_1/replay',
      options: { body: range },
    });
  });

  it('rejects an answer it does not understand', async () => {
    const { client } = fakeClient({ nope: true });
    await expect(replayRange(client, 'sub_1', { from: 'a', to: 'b' })).rejects.toThrow(/does not understand/);
    await expect(listDeadLetters(client, 'sub_1')).rejects.toThrow(/does not understand/);
  });
});
