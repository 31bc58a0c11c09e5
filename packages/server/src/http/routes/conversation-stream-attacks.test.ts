import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';
import { HOSTILE_URL_PARTS } from '../../test/hostile-input.js';

// The conversation stream stays open while the client listens, so the whole-answer sweep of
// hostile-input.test.ts leaves it out; this file attacks it: no key, the wrong key, another
// tenant's conversation, a widget key of another agent, hostile ids, and a client that leaves.

const SHOP = 'https://shop.example.com';
let f: ConversationFixture;
let conversationId: string;
let otherAgentWidgetKey: string;

async function createWidgetKey(agent: string): Promise<string> {
  const created = await f.t.call('POST', '/api/v1/api-keys', {
    body: { name: `widget of ${agent}`, scopes: ['chat'], widget: { agentId: agent, origins: [SHOP] } },
  });
  expect(created.status).toBe(201);
  return (await json(created)).value as string;
}

beforeAll(async () => {
  f = await startConversationFixture();
  const started = await f.t.call('POST', '/api/v1/conversations', { body: { agentId: f.agentId } });
  expect(started.status).toBe(201);
  conversationId = (await json(started)).id;
  const other = await f.t.services.agents.create(f.t.tenantA.id, { name: 'Internal helper' }, 'test');
  otherAgentWidgetKey = await createWidgetKey(other.agent.id);
});
afterAll(() => f?.close());

const streamPath = (id: string) => `/api/v1/conversations/${id}/stream`;

describe('the conversation stream under attack', () => {
  it('refuses a request without a key or with a forged one, before opening a stream', async () => {
    const anonymous = await f.t.app.request(streamPath(conversationId));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/json/);
    const forged = await f.t.call('GET', streamPath(conversationId), { key: `tg_${'x'.repeat(40)}` });
    expect(forged.status).toBe(401);
  });

  it("answers another tenant's conversation with the same 404 as a missing one", async () => {
    const foreign = await f.t.call('GET', streamPath(conversationId), { key: f.t.tenantB.adminKey });
    const missing = await f.t.call('GET', streamPath(`cnv_${'0'.repeat(32)}`));
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const errorOf = async (response: Response) => {
      const { code, message } = (await json(response)).error;
      return { code, message };
    };
    expect(await errorOf(foreign)).toEqual(await errorOf(missing));
  });

  it("refuses a widget key of another agent the conversation's stream", async () => {
    const response = await f.t.call('GET', streamPath(conversationId), {
      key: otherAgentWidgetKey,
      headers: { origin: SHOP },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/event-stream/);
  });

  it('answers every hostile id with a JSON 4xx, never a stream and never a 5xx', async () => {
    for (const part of HOSTILE_URL_PARTS) {
      const response = await f.t.call('GET', `/api/v1/conversations/${part.encoded}/stream`);
      expect(response.status, part.label).toBeGreaterThanOrEqual(400);
      expect(response.status, part.label).toBeLessThan(500);
      expect(response.headers.get('content-type') ?? '', part.label).not.toMatch(/event-stream/);
      await response.body?.cancel();
    }
  });

  it('lets go of the conversation feed when a client leaves, however many came and went', async () => {
    const feed = f.t.services.conversationFeed;
    const listening = () => feed.listeners(f.t.tenantA.id, conversationId);
    const before = listening();
    for (let round = 0; round < 20; round += 1) {
      const response = await f.t.call('GET', streamPath(conversationId));
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read(); // the `ready` event: subscribed by now
      await reader.cancel();
    }
    await expect.poll(listening).toBe(before);
  });
});
