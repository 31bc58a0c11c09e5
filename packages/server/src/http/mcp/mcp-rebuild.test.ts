import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createLoopbackOnlyDial, testCertificate } from '@toolgate/core/test';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices } from '../../server/create-services.js';
import { type ConversationFixture, startConversationFixture } from '../../test/conversation-fixture.js';
import { toolsListRequest } from '../../test/mcp-requests.js';
import { TEST_SECRET_KEY } from '../../test/test-app.js';
import type { AppServices } from '../app-env.js';
import { createApp } from '../create-app.js';

// A second set of services on the same embedded database stands for another instance (without a
// cache bus): a session opened by one is served by the other, rebuilt from the stored row.
let f: ConversationFixture;
let other: AppServices;
let apps: Array<ReturnType<typeof createApp>>;

beforeAll(async () => {
  f = await startConversationFixture();
  const { cert } = await testCertificate();
  other = createServices({
    db: f.t.database.db,
    engine: 'pglite',
    secretKeys: [TEST_SECRET_KEY],
    logger: pino({ level: 'silent' }),
    allowPrivateNetworks: ['127.0.0.0/8'],
    resolve: async () => ['127.0.0.1'],
    ca: cert,
    dial: createLoopbackOnlyDial(cert).dial,
  });
  apps = [f.t.app, createApp(other)];
});
afterAll(async () => {
  await other.mcp.closeAll();
  await other.executor.close();
  await other.modelTransport.close();
  await f.close();
});

it('serves a session on the instance that did not open it, and ends it there from the other', async () => {
  let turn = 0;
  const served: number[] = [];
  const transport = new StreamableHTTPClientTransport(new URL('http://toolgate.test/mcp'), {
    requestInit: { headers: { authorization: `Bearer ${f.t.tenantA.adminKey}` } },
    // Each request to the next app in turn, in process.
    fetch: async (url, init) => {
      const index = turn++ % apps.length;
      served.push(index);
      return (apps[index] as (typeof apps)[0]).fetch(new Request(url, init));
    },
  });
  const client = new Client({ name: 'rebuild-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('check_order_status');
    const called = await client.callTool({
      name: 'check_order_status',
      arguments: { order_number: 'ORD-3' },
    });
    expect(called.isError).toBe(false);
    expect(new Set(served)).toEqual(new Set([0, 1]));
    expect(other.mcp.size).toBe(1);
    const sessionId = transport.sessionId as string;

    turn = 0; // the DELETE goes to the first app, the next request to the other
    await transport.terminateSession();
    const after = await apps[1]?.fetch(
      toolsListRequest('http://toolgate.test/mcp', sessionId, f.t.tenantA.adminKey),
    );
    expect(after?.status).toBe(404);
    // Without a bus the other instance learns it from the store: its copy is closed on that request.
    expect(other.mcp.size).toBe(0);
  } finally {
    await client.close();
  }
});

it('answers 503 on an instance shutting down, while another serves the session on', async () => {
  const transport = new StreamableHTTPClientTransport(new URL('http://toolgate.test/mcp'), {
    requestInit: { headers: { authorization: `Bearer ${f.t.tenantA.adminKey}` } },
    fetch: async (url, init) => f.t.app.fetch(new Request(url, init)),
  });
  const client = new Client({ name: 'shutdown-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    await other.mcp.closeAll();
    const sessionId = transport.sessionId as string;
    const refused = await apps[1]?.fetch(
      toolsListRequest('http://toolgate.test/mcp', sessionId, f.t.tenantA.adminKey),
    );
    expect(refused?.status).toBe(503);
    expect(other.mcp.size).toBe(0);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
  } finally {
    await client.close();
  }
});
