import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  type CallToolResult,
  ElicitRequestSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresAvailable } from '../engines.js';
import { toolsListRequest } from '../mcp-requests.js';
import { orderStatusAction } from '../test-app.js';
import { type InProcessFleet, startInProcessFleet } from './in-process-fleet.js';

// Issue 10 for MCP: two Toolgate instances on one PostgreSQL database, and an MCP client whose
// requests alternate between them; no instance is sticky. Under CI=true PostgreSQL must answer.
const postgres = await postgresAvailable();

/** One request the client sent, and which instance it went to. */
interface Routed {
  instance: number;
  method: string;
  body: string | undefined;
}

/**
 * A fetch that sends each request to the next instance in turn, and a client's answer (a JSON-RPC
 * response: to an elicitation) to another instance than the request before it; `pin` sends all
 * to one.
 */
function alternatingFetch(urls: string[], log: Routed[]) {
  let next = 0;
  let last = 0;
  const route = { pin: undefined as number | undefined };
  const fetchAlternating = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const answer = body !== undefined && !body.includes('"method"') && /"(result|error)"/.test(body);
    let target = route.pin ?? (answer ? (last + 1) % urls.length : next);
    if (route.pin === undefined && !answer) {
      last = target;
      next = (next + 1) % urls.length;
    }
    target = Math.min(target, urls.length - 1);
    const base = new URL(urls[target] as string);
    url.host = base.host;
    log.push({ instance: target, method: init?.method ?? 'GET', body });
    return fetch(url, init);
  };
  return { fetch: fetchAlternating, route };
}

const textOf = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;

describe.skipIf(!postgres)('MCP across two instances on one PostgreSQL database', () => {
  let fleet: InProcessFleet;
  let agentId: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    fleet = await startInProcessFleet(2);
    const [a] = fleet.instances.map((instance) => instance.services) as [
      InProcessFleet['instances'][0]['services'],
    ];
    await a.actions.create(
      fleet.tenantId,
      orderStatusAction({ url: `${fleet.shopUrl}/status`, method: 'GET' }),
      'test',
    );
    await a.actions.create(
      fleet.tenantId,
      orderStatusAction({
        name: 'track_parcel',
        url: `${fleet.shopUrl}/status`,
        method: 'GET',
        conversation: { rateLimit: { calls: 2, windowMs: 600_000 } },
      }),
      'test',
    );
    await a.actions.create(
      fleet.tenantId,
      orderStatusAction({
        name: 'cancel_order',
        displayName: 'Cancel an order',
        description: 'Cancel an order that has not shipped yet.',
        url: `${fleet.shopUrl}/cancel`,
        method: 'POST',
      }),
      'test',
    );
    const { agent } = await a.agents.create(
      fleet.tenantId,
      { name: 'Terse assistant', limits: { maxCallsPerConversation: 2 } },
      'test',
    );
    agentId = agent.id;
  }, 60_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(() => fleet?.close());

  async function connect(path: string, log: Routed[], options: { accept?: boolean } = {}) {
    const routing = alternatingFetch(
      fleet.instances.map((instance) => instance.url),
      log,
    );
    const client = new Client(
      { name: 'fleet-test', version: '1.0.0' },
      { capabilities: options.accept ? { elicitation: { form: {} } } : {} },
    );
    if (options.accept)
      client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: {} }));
    const transport = new StreamableHTTPClientTransport(new URL(path, fleet.instances[0]?.url), {
      fetch: routing.fetch,
      requestInit: { headers: { authorization: `Bearer ${fleet.adminKey}` } },
    });
    await client.connect(transport);
    clients.push(client);
    return { client, transport, route: routing.route };
  }

  it('lists and calls tools with requests alternating between the instances', async () => {
    const log: Routed[] = [];
    const { client, transport } = await connect('/mcp', log);
    const listed = await client.listTools();
    expect(listed.tools.map((tool) => tool.name).sort()).toEqual([
      'cancel_order',
      'check_order_status',
      'track_parcel',
    ]);
    const called = await client.callTool({
      name: 'check_order_status',
      arguments: { order_number: 'ORD-1' },
    });
    expect(called.isError).toBe(false);
    expect(JSON.parse(textOf(called))).toMatchObject({ ok: true, data: { status: 'shipped' } });
    // The session was opened on one instance and served by both.
    expect(new Set(log.filter((entry) => entry.method === 'POST').map((entry) => entry.instance))).toEqual(
      new Set([0, 1]),
    );
    for (const instance of fleet.instances) expect(instance.services.mcp.size).toBeGreaterThan(0);
    const [b] = fleet.instances.slice(1) as [InProcessFleet['instances'][0]];
    const [row] = await b.services.db
      .selectFrom('calls')
      .select(['mcp_session_id', 'actor'])
      .where('trigger', '=', 'mcp')
      .execute();
    expect(row?.mcp_session_id).toBe(transport.sessionId);
    expect(row?.actor).toMatch(/^api_key:/);
  });

  it("counts an action's window and a session's calls across both instances", async () => {
    // track_parcel allows 2 calls in 10 minutes per key, across the key's sessions.
    const log: Routed[] = [];
    const { client } = await connect('/mcp', log);
    const first = await client.callTool({ name: 'track_parcel', arguments: { order_number: 'ORD-2' } });
    expect(first.isError).toBe(false);
    const { client: another } = await connect('/mcp', log);
    const second = await another.callTool({ name: 'track_parcel', arguments: { order_number: 'ORD-2' } });
    expect(second.isError).toBe(false);
    const third = await client.callTool({ name: 'track_parcel', arguments: { order_number: 'ORD-3' } });
    const windowed = log
      .filter((entry) => entry.body?.includes('"track_parcel"'))
      .map((entry) => entry.instance);
    expect(new Set(windowed)).toEqual(new Set([0, 1]));
    expect(textOf(third)).toMatch(/call limit was reached\. I can only .* 2 times every 10 minutes/);

    // The agent allows 2 calls per conversation: a session is one, wherever its calls land.
    const agentLog: Routed[] = [];
    const { client: agentClient } = await connect(`/mcp/agents/${agentId}`, agentLog, { accept: true });
    for (const order of ['ORD-4', 'ORD-5']) {
      const made = await agentClient.callTool({ name: 'cancel_order', arguments: { order_number: order } });
      expect(made.isError, textOf(made)).toBe(false);
    }
    const capped = await agentClient.callTool({ name: 'cancel_order', arguments: { order_number: 'ORD-6' } });
    expect(textOf(capped)).toMatch(/call limit was reached\. I've reached the limit of 2 requests/);
    const calls = agentLog
      .filter((entry) => entry.body?.includes('"tools/call"'))
      .map((entry) => entry.instance);
    expect(new Set(calls)).toEqual(new Set([0, 1]));
  });

  it('asks for confirmation on one instance and takes the answer posted to the other', async () => {
    const log: Routed[] = [];
    const { client } = await connect('/mcp', log, { accept: true });
    const before = fleet.shop.requests.filter((request) => request.url.startsWith('/cancel')).length;
    const result = await client.callTool({ name: 'cancel_order', arguments: { order_number: 'ORD-7' } });
    expect(result.isError, textOf(result)).toBe(false);
    expect(fleet.shop.requests.filter((request) => request.url.startsWith('/cancel')).length).toBe(
      before + 1,
    );
    const asked = log.findLast((entry) => entry.body?.includes('"tools/call"'));
    const answered = log.find((entry) => entry.body?.includes('"action":"accept"'));
    expect(answered?.instance).toBeDefined();
    expect(answered?.instance).not.toBe(asked?.instance);
  });

  it('tells the session that the tools changed when an action is disabled through the other instance', async () => {
    const log: Routed[] = [];
    const { client } = await connect('/mcp', log);
    const changed = new Promise<void>((resolve) =>
      client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()),
    );
    // The client opens its GET stream right after initialization; wait until it is sent.
    await vi.waitFor(() => expect(log.some((entry) => entry.method === 'GET')).toBe(true));
    const stream = log.find((entry) => entry.method === 'GET')?.instance as number;
    const other = fleet.instances[1 - stream]?.services;
    const [cancel] = ((await other?.actions.list(fleet.tenantId)) ?? []).filter(
      (action) => action.definition.name === 'cancel_order',
    );
    await other?.actions.update(fleet.tenantId, cancel?.id as string, { enabled: false }, 'test');
    try {
      await changed;
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['check_order_status', 'track_parcel']);
    } finally {
      await other?.actions.update(fleet.tenantId, cancel?.id as string, { enabled: true }, 'test');
    }
  });

  it('ends a session everywhere when it is deleted on one instance', async () => {
    const { client, transport, route } = await connect('/mcp', []);
    await client.listTools();
    await client.listTools();
    const sessionId = transport.sessionId as string;
    const [a, b] = fleet.instances as [InProcessFleet['instances'][0], InProcessFleet['instances'][0]];
    // Both instances served it, so both hold a copy (the counts include earlier tests' sessions).
    const [heldOnA, heldOnB] = [a.services.mcp.size, b.services.mcp.size];
    route.pin = 0;
    await transport.terminateSession();
    const list = await fetch(toolsListRequest(new URL('/mcp', b.url), sessionId, fleet.adminKey));
    expect(list.status).toBe(404);
    expect(a.services.mcp.size).toBe(heldOnA - 1);
    // B closed its copy on A's notice, not only on its next request.
    await vi.waitFor(() => expect(b.services.mcp.size).toBe(heldOnB - 1));
  });
});
