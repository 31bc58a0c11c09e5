import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGES_PER_CONVERSATION } from '../../stores/conversation-store.js';
import {
  type ConversationFixture,
  json,
  parseEventStream,
  startConversationFixture,
} from '../../test/conversation-fixture.js';

let f: ConversationFixture;
beforeAll(async () => {
  f = await startConversationFixture();
});
afterAll(() => f.close());

async function start(body: Record<string, unknown>, key?: string) {
  const response = await f.t.call('POST', '/api/v1/conversations', { body, ...(key ? { key } : {}) });
  expect(response.status, await response.clone().text()).toBe(201);
  return json(response);
}
const say = (
  id: string,
  text: string,
  options: { key?: string; query?: string; headers?: Record<string, string> } = {},
) =>
  f.t.call('POST', `/api/v1/conversations/${id}/messages${options.query ?? ''}`, {
    body: { text },
    ...(options.key ? { key: options.key } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
const fire = (id: string, body: unknown) => f.t.call('POST', `/api/v1/conversations/${id}/events`, { body });

describe('limits hold for events as for the model', () => {
  it('counts event calls towards the conversation limit and refuses past it, without calling', async () => {
    const { agent } = await f.t.services.agents.create(
      f.t.tenantA.id,
      { name: 'One call only', limits: { maxCallsPerConversation: 1 } },
      'test',
    );
    const { id } = await start({ agentId: agent.id });
    const cancels = () => f.shop.requests.filter((request) => request.url === '/cancel').length;
    const before = cancels();
    const first = await json(
      await fire(id, { type: 'button_click', action: 'cancel_order', parameters: { order_number: 'ORD-1' } }),
    );
    expect(first.outcome).toBe('ok');
    const second = await json(
      await fire(id, { type: 'button_click', action: 'cancel_order', parameters: { order_number: 'ORD-2' } }),
    );
    expect(second).toMatchObject({
      callId: null,
      outcome: 'refused',
      result: { error: { kind: 'limit_reached' } },
    });
    expect(cancels()).toBe(before + 1);
    // The model's turn is refused too: the event's call counted.
    const turn = await json(await say(id, 'Where is order ORD-12345?'));
    expect(turn.events.map((event: { type: string }) => event.type)).toContain('limit-reached');
    const transcript = await json(await f.t.call('GET', `/api/v1/conversations/${id}`));
    expect(
      transcript.messages
        .filter((m: { role: string }) => m.role === 'event')
        .map((m: { content: { outcome: string } }) => m.content.outcome),
    ).toEqual(['ok', 'refused']);
  });
});

describe('what a chat client may see and send', () => {
  it("debug needs conversations:read, and without it failures carry no operator's reason", async () => {
    const chat = await f.t.services.apiKeys.create(
      f.t.tenantA.id,
      { name: 'widget', scopes: ['chat'] },
      'test',
    );
    const { id } = await start({ agentId: f.agentId }, chat.value);
    expect((await say(id, 'Where is my order?', { key: chat.value, query: '?debug=true' })).status).toBe(403);
    const failed = await json(await say(id, 'Where is order ORD-500?', { key: chat.value }));
    const failure = failed.events.find((event: { type: string }) => event.type === 'action-failed');
    expect(failure.failure).toEqual({ kind: 'http_error', message: '', status: 503 });
    expect(JSON.stringify(failed)).not.toContain('database offline');
  });

  it('caps metadata, and a full conversation is refused with a clear error', async () => {
    const big = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, index]));
    const refused = await f.t.call('POST', '/api/v1/conversations', {
      body: { agentId: f.agentId, metadata: big },
    });
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.details[0].path).toBe('/metadata');
    const huge = await f.t.call('POST', '/api/v1/conversations', {
      body: { agentId: f.agentId, metadata: { note: 'x'.repeat(9_000) } },
    });
    expect(huge.status).toBe(422);

    const { id } = await start({ agentId: f.agentId });
    await f.t.database.db
      .updateTable('conversations')
      .set({ message_count: MAX_MESSAGES_PER_CONVERSATION })
      .where('id', '=', id)
      .execute();
    const full = await say(id, 'hello');
    expect(full.status).toBe(422);
    expect((await json(full)).error.message).toMatch(/start a new one/);
    // Refused before anything ran, and the conversation is not left held.
    expect((await say(id, 'hello')).status).toBe(422);
  });
});

describe('greetings, transcript pages and failures', () => {
  it("starts with the agent's greeting and pages the transcript", async () => {
    const { agent } = await f.t.services.agents.create(
      f.t.tenantA.id,
      { name: 'Greeter', greeting: 'Hi! How can I help?' },
      'test',
    );
    const conversation = await start({ agentId: agent.id });
    expect(conversation.greeting).toBe('Hi! How can I help?');
    await say(conversation.id, 'Where is my order?');
    const path = `/api/v1/conversations/${conversation.id}`;
    const first = await json(await f.t.call('GET', `${path}?limit=2`));
    expect(first.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2]);
    expect(first.messages[0]).toMatchObject({ role: 'assistant', text: 'Hi! How can I help?' });
    const rest = await json(await f.t.call('GET', `${path}?afterSeq=${first.nextAfterSeq}`));
    expect(rest.messages[0].seq).toBe(3);
    expect(rest.nextAfterSeq).toBeNull();
    expect((await f.t.call('GET', `${path}?limit=0`)).status).toBe(422);
  });

  it('a streamed turn that fails tells the client, logs the error and frees the conversation', async () => {
    const { id } = await start({ agentId: f.agentId });
    const finish = vi
      .spyOn(f.t.services.conversations, 'finish')
      .mockRejectedValueOnce(new Error('disk full'));
    try {
      const response = await say(id, 'Where is my order?', { headers: { accept: 'text/event-stream' } });
      const events = parseEventStream(await response.text());
      expect(events.at(-1)).toMatchObject({ event: 'error', data: { error: { code: 'internal' } } });
      expect(JSON.stringify(events)).not.toContain('disk full');
    } finally {
      finish.mockRestore();
    }
    expect(f.t.logText()).toContain('a streamed turn failed');
    expect(f.t.logText()).toContain('disk full');
    const next = await say(id, 'Where is my order?');
    expect(next.status).toBe(200);
    const transcript = await json(await f.t.call('GET', `/api/v1/conversations/${id}`));
    expect(transcript.messages.filter((m: { role: string }) => m.role === 'user')).toHaveLength(1);
  });
});
