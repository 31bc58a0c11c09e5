import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, StreamOptions } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { StreamEvent } from '../api/sse-lines';
import { listAgents, sendMessage, startConversation, toAgentOptions } from './chat-api';
import type { ChatEvent } from './chat-events';

function fakeClient(answer: unknown, streamed: StreamEvent[] = []) {
  const sent: { method: HttpMethod; path: string; body?: unknown; query?: unknown; signal?: AbortSignal }[] =
    [];
  const client: ApiClient = {
    async request(method, path, options) {
      sent.push({ method, path, body: options?.body });
      return answer;
    },
    async stream(method, path, onEvent, options?: StreamOptions) {
      sent.push({ method, path, body: options?.body, query: options?.query, signal: options?.signal });
      for (const event of streamed) onEvent(event);
    },
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, sent };
}

describe('the chat API', () => {
  it('lists agents by name with their provider', async () => {
    const { client, sent } = fakeClient({
      agents: [
        { id: 'agt_2', name: 'support', model: { provider: 'openai' } },
        { id: 'agt_1', name: 'demo', model: { provider: 'embedded' } },
        { id: 7 },
      ],
    });
    expect(await listAgents(client)).toEqual([
      { id: 'agt_1', name: 'demo', provider: 'embedded' },
      { id: 'agt_2', name: 'support', provider: 'openai' },
    ]);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/agents' });
    expect(() => toAgentOptions({})).toThrow(ApiError);
  });

  it('starts a conversation and keeps the greeting', async () => {
    const { client, sent } = fakeClient({
      id: 'cnv_1',
      agentId: 'agt_1',
      greeting: 'Hello!',
      messageCount: 1,
    });
    expect(await startConversation(client, 'demo')).toEqual({
      id: 'cnv_1',
      agentId: 'agt_1',
      greeting: 'Hello!',
    });
    expect(sent[0]).toEqual({ method: 'POST', path: '/conversations', body: { agentId: 'demo' } });
    const quiet = fakeClient({ id: 'cnv_2', agentId: 'agt_1' });
    expect(await startConversation(quiet.client, 'demo')).toEqual({ id: 'cnv_2', agentId: 'agt_1' });
    await expect(startConversation(fakeClient({}).client, 'demo')).rejects.toBeInstanceOf(ApiError);
  });

  it('streams a message, with debug when asked, handing over only known events', async () => {
    const { client, sent } = fakeClient(undefined, [
      { event: 'message', data: { text: 'Checking', reason: 'start' } },
      { event: 'typing', data: {} },
      { event: 'done', data: { reply: 'Shipped.' } },
    ]);
    const events: ChatEvent[] = [];
    const controller = new AbortController();
    await sendMessage(
      client,
      'cnv/1',
      'where is ORD-1',
      { debug: true, signal: controller.signal },
      (event) => events.push(event),
    );
    expect(sent[0]).toEqual({
      method: 'POST',
      path: '/conversations/cnv%2F1/messages',
      body: { text: 'where is ORD-1' },
      query: { debug: 'true' },
      signal: controller.signal,
    });
    expect(events.map((event) => event.type)).toEqual(['message', 'done']);

    const plain = fakeClient(undefined);
    await sendMessage(plain.client, 'cnv_1', 'hi', { debug: false }, () => {});
    expect(plain.sent[0]?.query).toBeUndefined();
  });
});
