import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeClient } from '../api/testing/fake-client';
import { describeLastAttempt } from '../deliveries/delivery-view';
import { listAttempts, listDeadLetters, replayDelivery, replayRange } from './deliveries-api';

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
  it('lists dead deliveries; a row it cannot read is an error, not half a list', async () => {
    await expect(
      listDeadLetters(
        fakeClient({ deliveries: [dead, { id: 'x', status: 'odd' }], nextCursor: null }).client,
        's',
      ),
    ).rejects.toBeInstanceOf(ApiError);
    const { client, sent } = fakeClient({ deliveries: [dead], nextCursor: 'c2' });
    const page = await listDeadLetters(client, 'sub/1', 'c1');
    expect(page.deliveries).toEqual([
      {
        id: 'dlv_1',
        kind: null,
        nextAttemptAt: null,
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
    expect(describeLastAttempt(page.deliveries[0] ?? { ...dead, attempts: 8 })).toBe('HTTP 503');
  });

  it('says what the last error was when there was no response', () => {
    expect(describeLastAttempt({ ...dead, lastStatus: null, lastError: 'connection refused' })).toBe(
      'no response: connection refused',
    );
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
