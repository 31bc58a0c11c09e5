import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import { getCall, listCalls } from './calls-api';
import { callJson, callRecord } from './testing/call-fixture';

function fakeClient(answer: unknown) {
  const sent: { method: HttpMethod; path: string; query: RequestOptions['query'] }[] = [];
  const client: ApiClient = {
    async request(method, path, options) {
      sent.push({ method, path, query: options?.query });
      return answer;
    },
    async stream() {},
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, sent };
}

describe('the calls API', () => {
  it('lists a page with the filters and the cursor', async () => {
    const { client, sent } = fakeClient({ calls: [callJson()], nextCursor: 'c2' });
    const page = await listCalls(client, { outcome: 'failed', trigger: 'ai_intent' }, 'c1');
    expect(page).toEqual({ calls: [callRecord()], nextCursor: 'c2' });
    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/calls',
        query: { outcome: 'failed', trigger: 'ai_intent', limit: 50, cursor: 'c1' },
      },
    ]);
  });

  it('reads one call, the id encoded', async () => {
    const { client, sent } = fakeClient(callJson());
    expect(await getCall(client, 'call/1')).toEqual(callRecord());
    expect(sent[0]?.path).toBe('/calls/call%2F1');
  });
});
