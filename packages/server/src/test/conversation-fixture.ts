import { type LoopbackHttpsServer, sendJson, startLoopbackHttpsServer } from '@toolgate/core/test';
import { createLoopbackTestApp } from './loopback-test-app.js';
import { orderStatusAction, type TestApp } from './test-app.js';

export { parseEventStream } from '../cli/server-sent-events.js';

/**
 * A test app whose actions call a loopback HTTPS shop: `check_order_status` (GET, never asks
 * first) and `cancel_order` (POST, asks first). Order ORD-500 fails, ORD-408 answers late.
 */
export interface ConversationFixture {
  t: TestApp;
  shop: LoopbackHttpsServer;
  agentId: string;
  close(): Promise<void>;
}

/** Reads a JSON body loosely, for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
export const json = async (response: Response) => (await response.json()) as Record<string, any>;

/** Starts a conversation with the agent through the API; `say` posts a message and reads the answer. */
export async function openConversation(t: TestApp, agentId: string) {
  const id = (await json(await t.call('POST', '/api/v1/conversations', { body: { agentId } }))).id as string;
  return {
    id,
    say: async (text: string) =>
      json(await t.call('POST', `/api/v1/conversations/${id}/messages`, { body: { text } })),
  };
}

/**
 * The loopback HTTPS shop the fixture's actions call: `/status` (order ORD-500 fails, ORD-408
 * answers after 400 ms), `/cancel`, `/hook`.
 */
export function startShop(): Promise<LoopbackHttpsServer> {
  return startLoopbackHttpsServer(async (request, response) => {
    const url = new URL(request.url, 'https://shop.test');
    const order =
      url.searchParams.get('order_number') ??
      (JSON.parse(request.body || '{}').parameters?.order_number as string);
    if (url.pathname === '/cancel')
      return sendJson(response, 200, { message: `Order ${order} is cancelled.` });
    if (url.pathname === '/hook') return sendJson(response, 200, { received: true });
    if (order === 'ORD-500') return sendJson(response, 503, { error: 'database offline' });
    if (order === 'ORD-408') await new Promise((resolve) => setTimeout(resolve, 400));
    sendJson(response, 200, {
      success: true,
      result: { status: 'shipped', estimated_delivery: '2026-03-25' },
    });
  });
}

export async function startConversationFixture(engine?: 'pglite' | 'postgres'): Promise<ConversationFixture> {
  const shop = await startShop();
  const t = await createLoopbackTestApp(engine ? { engine } : {});
  const base = `https://orders.example.com:${shop.port}`;
  await t.services.actions.create(
    t.tenantA.id,
    orderStatusAction({
      url: `${base}/status`,
      method: 'GET',
      conversation: { messages: { start: 'Let me look that up.' } },
    }),
    'test',
  );
  await t.services.actions.create(
    t.tenantA.id,
    orderStatusAction({
      name: 'cancel_order',
      displayName: 'Cancel an order',
      description: 'Cancel an order that has not shipped yet.',
      url: `${base}/cancel`,
      method: 'POST',
    }),
    'test',
  );
  const { agent } = await t.services.agents.create(t.tenantA.id, { name: 'Shop assistant' }, 'test');
  return {
    t,
    shop,
    agentId: agent.id,
    async close() {
      await t.close();
      await shop.close();
    },
  };
}
