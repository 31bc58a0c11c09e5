import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

async function start(body: Record<string, unknown> = {}, key = f.t.tenantA.adminKey) {
  const response = await f.t.call('POST', '/api/v1/conversations', {
    key,
    body: { agentId: f.agentId, ...body },
  });
  expect(response.status).toBe(201);
  return (await json(response)).id as string;
}
const say = (
  id: string,
  text: string,
  options: { key?: string; headers?: Record<string, string>; query?: string } = {},
) =>
  f.t.call('POST', `/api/v1/conversations/${id}/messages${options.query ?? ''}`, {
    body: { text },
    ...(options.key ? { key: options.key } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });

describe('a conversation over the API (embedded agent)', () => {
  it('asks for the order number, calls the shop, answers from the result; the transcript links the call', async () => {
    const id = await start({ contactId: 'contact-42', metadata: { channel: 'web' } });
    const first = await json(await say(id, 'Where is my order?'));
    expect(first.reply).toMatch(/order number/i);
    expect(f.shop.requests).toHaveLength(0);

    const before = f.shop.requests.length;
    const second = await json(await say(id, "It's ORD-12345"));
    expect(second.reply).toMatch(/shipped/i);
    expect(f.shop.requests.length).toBe(before + 1);
    const sent = f.shop.requests.at(-1);
    expect(sent?.url).toContain('order_number=ORD-12345');
    expect(second.events.map((event: { type: string }) => event.type)).toEqual([
      'action-started',
      'message',
      'action-completed',
      'message',
    ]);
    const callId = second.events[0].callId as string;

    const transcript = await json(await f.t.call('GET', `/api/v1/conversations/${id}`));
    expect(transcript.conversation).toMatchObject({
      id,
      contactId: 'contact-42',
      metadata: { channel: 'web' },
    });
    const roles = transcript.messages.map((message: { role: string }) => message.role);
    // The first proposal lacked the order number: the loop answered it with a question, no call.
    expect(roles).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(transcript.messages[2].call).toBeNull();
    const tool = transcript.messages[6];
    expect(tool.call).toMatchObject({
      id: callId,
      href: `/api/v1/calls/${callId}`,
      outcome: 'ok',
      status: 200,
    });
    const record = await json(await f.t.call('GET', tool.call.href));
    expect(record).toMatchObject({ conversationId: id, contactId: 'contact-42', trigger: 'ai_intent' });
  });

  it('keeps a confirmation across turns in the database: no call until yes', async () => {
    const id = await start();
    const asked = await json(await say(id, 'Please cancel my order ORD-777'));
    expect(asked.events.map((event: { type: string }) => event.type)).toContain('approval-requested');
    const cancels = () => f.shop.requests.filter((request) => request.url === '/cancel').length;
    expect(cancels()).toBe(0);
    const done = await json(await say(id, 'yes'));
    expect(done.reply).toBe('Order ORD-777 is cancelled.');
    expect(cancels()).toBe(1);
    const envelope = JSON.parse(f.shop.requests.at(-1)?.body ?? '{}');
    expect(envelope.context).toMatchObject({
      trigger: 'ai_intent',
      conversation_id: id,
      agent_id: f.agentId,
    });
  });

  it('streams the turn as server-sent events, ending with done', async () => {
    const id = await start();
    await say(id, 'Where is my order?');
    const response = await say(id, 'ORD-12345', { headers: { accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseEventStream(await response.text());
    expect(events.map((event) => event.event)).toEqual([
      'action-started',
      'message',
      'action-completed',
      'message',
      'done',
    ]);
    expect((events.at(-1)?.data as { reply: string } | undefined)?.reply).toMatch(/shipped/i);
  });

  it("sends the model's reasons only when debug=true", async () => {
    const id = await start();
    const quiet = await json(await say(id, 'Where is my order?'));
    expect(quiet.events.some((event: { type: string }) => event.type === 'debug')).toBe(false);
    const id2 = await start();
    const loud = await json(await say(id2, 'Where is my order?', { query: '?debug=true' }));
    const debug = loud.events.find((event: { type: string }) => event.type === 'debug');
    expect(debug.data).toHaveProperty('scores');
  });

  it('logs calls and failed requests, not each successful message', async () => {
    const id = await start();
    await say(id, 'Where is order ORD-12345?');
    const lines = f.t.logText().split('\n');
    // A slow request (over 500 ms, which a loaded machine can make of any turn) is logged anyway.
    const quickMessageLines = lines
      .filter((line) => line.includes('"route":"/api/v1/conversations/:id/messages"'))
      .filter((line) => (JSON.parse(line) as { ms: number }).ms < 500);
    expect(quickMessageLines).toEqual([]);
    expect(lines.some((line) => line.includes('"msg":"action call"') && line.includes('ai_intent'))).toBe(
      true,
    );
    await f.t.call('POST', `/api/v1/conversations/${id}/messages`, { body: { text: '' } });
    expect(f.t.logText()).toContain('"route":"/api/v1/conversations/:id/messages","status":422');
  });

  it('a failing endpoint gives a polite failure, and the failed call is in the log', async () => {
    const id = await start();
    const reply = await json(await say(id, 'Where is order ORD-500?'));
    expect(reply.events.map((event: { type: string }) => event.type)).toContain('action-failed');
    expect(reply.reply).not.toMatch(/database offline|503/);
    const calls = await json(await f.t.call('GET', `/api/v1/calls?conversation=${id}`));
    expect(calls.calls[0]).toMatchObject({ outcome: 'failed', status: 503 });
  });

  it('refuses a second message while the first is answered (409), and takes it after', async () => {
    const id = await start();
    const before = f.shop.requests.length;
    const slow = say(id, 'Where is order ORD-408?');
    // The shop has the call (and holds it 400 ms): the first turn is certainly under way.
    await vi.waitFor(() => expect(f.shop.requests.length).toBe(before + 1), { timeout: 5_000, interval: 5 });
    const second = await say(id, 'hello?');
    expect(second.status).toBe(409);
    expect((await slow).status).toBe(200);
    expect((await say(id, 'thanks')).status).toBe(200);
  });
});

describe('conversations: bad input and other tenants', () => {
  it.each([
    [{ text: '' }, 422, '/text'],
    [{ text: 'long '.repeat(801) }, 422, '/text'],
    [{ text: 5 }, 422, '/text'],
    [{}, 422, '/text'],
    [{ text: 'hi', mood: 'happy' }, 400, '/mood'],
  ])('message %# is a %i at %s', async (body, status, path) => {
    const id = await start();
    const response = await f.t.call('POST', `/api/v1/conversations/${id}/messages`, { body });
    expect(response.status).toBe(status);
    expect((await json(response)).error.details.map((detail: { path: string }) => detail.path)).toContain(
      path,
    );
  });

  it('malformed JSON is a 400 and the conversation stays usable', async () => {
    const id = await start();
    const response = await f.t.call('POST', `/api/v1/conversations/${id}/messages`, { body: '{"text": "hi' });
    expect(response.status).toBe(400);
    expect((await say(id, 'hello')).status).toBe(200);
  });

  it("names the agent in the start answer (a chat window's title), not in later reads", async () => {
    const response = await f.t.call('POST', '/api/v1/conversations', { body: { agentId: f.agentId } });
    const started = await json(response);
    expect(started.agentName).toBe('Shop assistant');
    const transcript = await json(await f.t.call('GET', `/api/v1/conversations/${started.id}`));
    expect(transcript.conversation.agentName).toBeUndefined();
  });

  it.each([
    [{ agentId: 'agt_00000000000000000000000000000000' }, 422, '/agentId'],
    [{ agentId: 'x', contactId: '' }, 422, '/contactId'],
    [{ agentId: 'x', metadata: [1] }, 422, '/metadata'],
    [{ agentId: 'x', extra: 1 }, 400, '/extra'],
  ])('start %j is a %i at %s', async (body, status, path) => {
    const response = await f.t.call('POST', '/api/v1/conversations', { body });
    expect(response.status).toBe(status);
    expect((await json(response)).error.details.map((detail: { path: string }) => detail.path)).toContain(
      path,
    );
  });

  it("another tenant can neither start with this tenant's agent nor touch its conversations", async () => {
    const other = f.t.tenantB.adminKey;
    const refused = await f.t.call('POST', '/api/v1/conversations', {
      key: other,
      body: { agentId: f.agentId },
    });
    expect(refused.status).toBe(422);
    const id = await start();
    expect((await say(id, 'hi', { key: other })).status).toBe(404);
    expect((await f.t.call('GET', `/api/v1/conversations/${id}`, { key: other })).status).toBe(404);
    const event = { type: 'manual', action: 'check_order_status', parameters: { order_number: 'ORD-1' } };
    expect(
      (await f.t.call('POST', `/api/v1/conversations/${id}/events`, { key: other, body: event })).status,
    ).toBe(404);
    const list = await json(await f.t.call('GET', '/api/v1/conversations', { key: other }));
    expect(list.conversations).toEqual([]);
    expect((await say('cnv_unknown', 'hi')).status).toBe(404);
  });

  it('a chat key may talk but not read transcripts', async () => {
    const chat = await f.t.services.apiKeys.create(
      f.t.tenantA.id,
      { name: 'widget', scopes: ['chat'] },
      'test',
    );
    const id = await start({}, chat.value);
    expect((await say(id, 'hello', { key: chat.value })).status).toBe(200);
    expect((await f.t.call('GET', `/api/v1/conversations/${id}`, { key: chat.value })).status).toBe(403);
  });

  it('lists conversations newest first with filters and pages', async () => {
    const a = await start({ contactId: 'pager' });
    // Newest first is by creation time: keep the two apart (wait for the clock's next millisecond).
    const first = Date.now();
    while (Date.now() <= first) await new Promise((resolve) => setImmediate(resolve));
    const b = await start({ contactId: 'pager' });
    const page = await json(await f.t.call('GET', '/api/v1/conversations?contactId=pager&limit=1'));
    expect(page.conversations.map((c: { id: string }) => c.id)).toEqual([b]);
    const next = await json(
      await f.t.call('GET', `/api/v1/conversations?contactId=pager&limit=1&cursor=${page.nextCursor}`),
    );
    expect(next.conversations.map((c: { id: string }) => c.id)).toEqual([a]);
    expect((await f.t.call('GET', '/api/v1/conversations?limit=0')).status).toBe(422);
  });
});
