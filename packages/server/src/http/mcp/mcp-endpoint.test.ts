import type { ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  type CallToolResult,
  ElicitRequestSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../server/listen.js';
import { type ConversationFixture, startConversationFixture } from '../../test/conversation-fixture.js';
import { toolsListRequest } from '../../test/mcp-requests.js';
import { NO_ELICITATION_REFUSAL } from './mcp-tool-result.js';

let fixture: ConversationFixture;
let server: ServerType;
let base: string;
const clients: Client[] = [];

beforeAll(async () => {
  fixture = await startConversationFixture();
  const served = await listen(fixture.t.app.fetch, { port: 0, host: '127.0.0.1' });
  server = served.server;
  base = served.url;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await fixture.t.services.mcp.closeAll();
  await new Promise((resolve) => server.close(resolve));
  await fixture.close();
});

/** An SDK client connected to `path` with `key`; answers elicitations with `answer` when given. */
async function connect(
  path: string,
  options: { key?: string; answer?: 'accept' | 'decline'; questions?: string[] } = {},
): Promise<Client> {
  const client = new Client(
    { name: 'toolgate-test', version: '1.0.0' },
    { capabilities: options.answer ? { elicitation: { form: {} } } : {} },
  );
  if (options.answer) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      options.questions?.push(request.params.message);
      return {
        action: options.answer as 'accept' | 'decline',
        ...(options.answer === 'accept' ? { content: {} } : {}),
      };
    });
  }
  const transport = new StreamableHTTPClientTransport(new URL(path, base), {
    requestInit: { headers: { authorization: `Bearer ${options.key ?? fixture.t.tenantA.adminKey}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

const textOf = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;
const shopCalls = (path: string) =>
  fixture.shop.requests.filter((request) => request.url.startsWith(path)).length;

async function keyWith(scopes: string[]): Promise<string> {
  const { value } = await fixture.t.services.apiKeys.create(
    fixture.t.tenantA.id,
    { name: 'mcp', scopes },
    'test',
  );
  return value;
}

describe('the MCP endpoints', () => {
  it("lists an agent's actions as tools with schemas and hints", async () => {
    const client = await connect(`/mcp/agents/${fixture.agentId}`);
    const { tools } = await client.listTools();
    const status = tools.find((tool) => tool.name === 'check_order_status');
    const cancel = tools.find((tool) => tool.name === 'cancel_order');
    expect(status).toMatchObject({
      title: 'Check order status',
      inputSchema: {
        type: 'object',
        required: ['order_number'],
        properties: { order_number: { type: 'string' } },
      },
      annotations: { readOnlyHint: true, idempotentHint: true },
    });
    expect(cancel?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
    });
    expect(client.getServerCapabilities()?.tools?.listChanged).toBe(true);
  });

  it('calls an action at its endpoint and logs the call with trigger mcp', async () => {
    const client = await connect('/mcp', { key: await keyWith(['tools']) });
    const before = shopCalls('/status');
    const result = await client.callTool({
      name: 'check_order_status',
      arguments: { order_number: 'ORD-12345' },
    });
    expect(result.isError).toBe(false);
    expect(JSON.parse(textOf(result))).toMatchObject({ ok: true, status: 200, data: { status: 'shipped' } });
    expect(shopCalls('/status')).toBe(before + 1);
    const seen = fixture.shop.requests.at(-1);
    expect(seen?.url).toContain('order_number=ORD-12345');
    expect(seen?.headers['webhook-signature']).toBeDefined();
    const { calls } = await fixture.t.services.calls.list(fixture.t.tenantA.id, { trigger: 'mcp' });
    expect(calls[0]).toMatchObject({ trigger: 'mcp', actionName: 'check_order_status', outcome: 'ok' });
  });

  it('answers missing and invalid arguments with what to ask, and calls nothing', async () => {
    const client = await connect(`/mcp/agents/${fixture.agentId}`);
    const before = fixture.shop.requests.length;
    const missing = await client.callTool({ name: 'check_order_status', arguments: {} });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/Ask the user:\nWhat is the order number\?/);
    const invalid = await client.callTool({
      name: 'check_order_status',
      arguments: { order_number: 'nope' },
    });
    expect(textOf(invalid)).toContain(`The order number "nope" doesn't look right`);
    expect(fixture.shop.requests.length).toBe(before);
  });

  it("refuses a call past the action's window", async () => {
    const { action } = await fixture.t.services.actions.create(
      fixture.t.tenantA.id,
      {
        name: 'ping_shop',
        description: 'Check that the shop answers at all, once in a while.',
        url: `https://orders.example.com:${fixture.shop.port}/status`,
        method: 'GET',
        conversation: { rateLimit: { calls: 1, windowMs: 60_000 } },
      },
      'test',
    );
    const client = await connect('/mcp');
    expect((await client.callTool({ name: 'ping_shop', arguments: {} })).isError).toBe(false);
    const second = await client.callTool({ name: 'ping_shop', arguments: {} });
    expect(second.isError).toBe(true);
    expect(textOf(second)).toMatch(/call limit was reached\. I can only .* 1 times every 1 minutes/);
    // Another session of the same key is counted with the first.
    const again = await (await connect('/mcp')).callTool({ name: 'ping_shop', arguments: {} });
    expect(again.isError).toBe(true);
    await fixture.t.services.actions.remove(fixture.t.tenantA.id, action.id, 'test');
  });

  it("counts a session as one of the agent's conversations", async () => {
    const { agent } = await fixture.t.services.agents.create(
      fixture.t.tenantA.id,
      { name: 'Terse assistant', limits: { maxCallsPerConversation: 1 } },
      'test',
    );
    const client = await connect(`/mcp/agents/${agent.id}`);
    const first = await client.callTool({
      name: 'check_order_status',
      arguments: { order_number: 'ORD-20002' },
    });
    expect(first.isError).toBe(false);
    const second = await client.callTool({
      name: 'check_order_status',
      arguments: { order_number: 'ORD-20002' },
    });
    expect(textOf(second)).toMatch(/call limit was reached\. I've reached the limit of 1 requests/);
    const { calls } = await fixture.t.services.calls.list(fixture.t.tenantA.id, { trigger: 'mcp' });
    expect(calls[0]).toMatchObject({ trigger: 'mcp', actionName: 'check_order_status', outcome: 'ok' });
  });

  it('holds a session to the key and the path that opened it', async () => {
    const client = await connect('/mcp');
    const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId as string;
    const list = (path: string, key: string) => fetch(toolsListRequest(new URL(path, base), sessionId, key));
    expect((await list('/mcp', await keyWith(['tools']))).status).toBe(404);
    expect((await list(`/mcp/agents/${fixture.agentId}`, fixture.t.tenantA.adminKey)).status).toBe(404);
    const own = await list('/mcp', fixture.t.tenantA.adminKey);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('check_order_status');
  });

  it('asks for confirmation by elicitation and calls only on accept', async () => {
    const questions: string[] = [];
    const yes = await connect('/mcp', { answer: 'accept', questions });
    const before = shopCalls('/cancel');
    const accepted = await yes.callTool({ name: 'cancel_order', arguments: { order_number: 'ORD-10001' } });
    expect(accepted.isError).toBe(false);
    expect(questions[0]).toBe(
      "Just to confirm: I'll cancel an order with order number: ORD-10001. Shall I go ahead?",
    );
    expect(shopCalls('/cancel')).toBe(before + 1);

    const no = await connect('/mcp', { answer: 'decline' });
    const declined = await no.callTool({ name: 'cancel_order', arguments: { order_number: 'ORD-10001' } });
    expect(declined.isError).toBe(true);
    expect(textOf(declined)).toContain('declined');
    expect(shopCalls('/cancel')).toBe(before + 1);
  });

  it('refuses an action that needs confirmation when the client cannot ask', async () => {
    const client = await connect('/mcp');
    const before = shopCalls('/cancel');
    const result = await client.callTool({ name: 'cancel_order', arguments: { order_number: 'ORD-10001' } });
    expect(result).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: NO_ELICITATION_REFUSAL }],
    });
    expect(shopCalls('/cancel')).toBe(before);
  });

  it('tells connected clients when an action is disabled, and lists it no more', async () => {
    const client = await connect('/mcp');
    await client.listTools();
    const changed = new Promise<void>((resolve) =>
      client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()),
    );
    // The client's GET stream opens right after initialization; give it a moment to be there.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [cancel] = (await fixture.t.services.actions.list(fixture.t.tenantA.id)).filter(
      (action) => action.definition.name === 'cancel_order',
    );
    await fixture.t.services.actions.update(
      fixture.t.tenantA.id,
      cancel?.id as string,
      { enabled: false },
      'test',
    );
    try {
      await changed;
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).not.toContain('cancel_order');
      expect(tools.map((tool) => tool.name)).toContain('check_order_status');
    } finally {
      await fixture.t.services.actions.update(
        fixture.t.tenantA.id,
        cancel?.id as string,
        { enabled: true },
        'test',
      );
    }
  });

  it("answers 401 without a key, 403 without the tools scope, 404 for another tenant's agent", async () => {
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    const post = (path: string, key?: string) =>
      fetch(new URL(path, base), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: initialize,
      });
    expect((await post('/mcp')).status).toBe(401);
    expect((await post('/mcp', await keyWith(['chat']))).status).toBe(403);
    expect((await post(`/mcp/agents/${fixture.agentId}`, fixture.t.tenantB.adminKey)).status).toBe(404);
    await expect(connect('/mcp', { key: await keyWith(['chat']) })).rejects.toThrow();
  });
});
