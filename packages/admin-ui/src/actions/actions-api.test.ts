import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import {
  createAction,
  deleteAction,
  getAction,
  rotateSigningSecret,
  testAction,
  updateAction,
} from './actions-api';
import { savedAction } from './testing/action-fixture';

/** A client that records requests and answers with `answer`. */
function fakeClient(answer: unknown) {
  const calls: { method: HttpMethod; path: string; body: unknown }[] = [];
  const client: ApiClient = {
    async request(method: HttpMethod, path: string, options?: RequestOptions) {
      calls.push({ method, path, body: options?.body });
      return answer;
    },
    async stream() {},
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, calls };
}

describe('the actions API', () => {
  it('deletes an action at its path, the id encoded', async () => {
    const removed = fakeClient(undefined);
    await deleteAction(removed.client, 'act/1');
    expect(removed.calls).toEqual([{ method: 'DELETE', path: '/actions/act%2F1', body: undefined }]);
  });

  it('reads, creates and updates actions at their paths, the id encoded', async () => {
    const view = savedAction();
    const read = fakeClient(view);
    expect(await getAction(read.client, 'act/1')).toEqual(view);
    expect(read.calls).toEqual([{ method: 'GET', path: '/actions/act%2F1', body: undefined }]);

    const created = fakeClient({ action: view, signingSecret: 'whsec_x' });
    const body = {
      name: 'x',
      description: 'd',
      url: 'https://x.example',
      method: 'POST' as const,
      enabled: true,
    };
    expect((await createAction(created.client, body)).signingSecret).toBe('whsec_x');
    expect(created.calls).toEqual([{ method: 'POST', path: '/actions', body }]);

    const updated = fakeClient(view);
    await updateAction(updated.client, 'act_1', { headers: { 'X-Key': null } });
    expect(updated.calls).toEqual([
      { method: 'PATCH', path: '/actions/act_1', body: { headers: { 'X-Key': null } } },
    ]);
  });

  it('rotates the signing secret and runs tests', async () => {
    const rotated = fakeClient({
      signingSecret: 'whsec_new',
      previousValidUntil: '2025-01-02T00:00:00.000Z',
    });
    expect((await rotateSigningSecret(rotated.client, 'act_1')).signingSecret).toBe('whsec_new');
    expect(rotated.calls[0]).toEqual({
      method: 'POST',
      path: '/actions/act_1/signing-secret/rotate',
      body: undefined,
    });

    const tested = fakeClient({ mode: 'dry_run', callId: 'c', request: null });
    const body = { parameters: { q: 1 }, mode: 'live' as const, confirm: true as const };
    expect((await testAction(tested.client, 'act_1', body)).mode).toBe('dry_run');
    expect(tested.calls[0]).toEqual({ method: 'POST', path: '/actions/act_1/test', body });
  });
});
