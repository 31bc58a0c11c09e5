import { createLoopbackOnlyDial, type DialLog, testCertificate } from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../test/conversation-fixture.js';
import { type LoopbackMcpServer, startLoopbackMcpServer } from '../test/remote-mcp-server.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

/**
 * An agent's remote MCP servers over the API, against a real MCP server (the SDK's McpServer
 * on 127.0.0.1): the secret is write-only and never logged, refresh lists the tools or says why
 * not (auth refused, blocked address, not an MCP server), and another tenant's agent is a 404.
 */
const SECRET = 'mcp-planted-header-secret-81c2';
let t: TestApp;
let mcp: LoopbackMcpServer;
let dialLog: DialLog;
let agentId = '';
/** Names the test resolver answers with a private address (as DNS rebinding would). */
const privateNames = new Set<string>();
const base = () => `/api/v1/agents/${agentId}/mcp-servers`;

beforeAll(async () => {
  mcp = await startLoopbackMcpServer({ requiredHeader: { name: 'x-api-key', value: SECRET } });
  const { cert } = await testCertificate();
  const { dial, log } = createLoopbackOnlyDial(cert);
  dialLog = log;
  t = await createTestApp({
    allowPrivateNetworks: ['127.0.0.0/8'],
    resolve: async (host) => (privateNames.has(host) ? ['10.0.0.7'] : ['127.0.0.1']),
    ca: cert,
    dial,
  });
  agentId = (await t.services.agents.create(t.tenantA.id, { name: 'Weather desk' }, 'test')).agent.id;
});
afterAll(async () => {
  await t.close();
  await mcp.close();
});

describe("an agent's remote MCP servers", () => {
  it('are created with a write-only header secret', async () => {
    const response = await t.call('POST', base(), {
      body: {
        name: 'weather',
        url: `https://api.example.com:${mcp.port}/mcp`,
        auth: { type: 'header', name: 'X-Api-Key', value: SECRET },
      },
    });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({
      name: 'weather',
      auth: { type: 'header', name: 'X-Api-Key', value: { set: true } },
      enabled: true,
      tools: null,
      timeoutMs: 10_000,
    });
    const listed = await (await t.call('GET', base())).text();
    expect(listed).toContain('"weather"');
    expect(listed).not.toContain(SECRET);
  });

  it('refresh connects, sends the header, and lists the tools as the agent sees them', async () => {
    const answer = await json(await t.call('POST', `${base()}/weather/refresh`));
    expect(answer.ok).toBe(true);
    const names = answer.tools.map((tool: { name: string }) => tool.name);
    expect(names).toEqual([
      'weather__get_weather',
      'weather__fail',
      'weather__slow',
      'weather__big',
      'weather__echo',
    ]);
    expect(answer.tools[0]).toMatchObject({
      remoteName: 'get_weather',
      description: 'The weather in a city today.',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    });
    expect(mcp.headers.at(-1)?.['x-api-key']).toBe(SECRET);
    expect(t.logText()).not.toContain(SECRET);
  });

  it('an allow-list narrows the tools', async () => {
    const patched = await t.call('PATCH', `${base()}/weather`, { body: { tools: ['get_weather'] } });
    expect(patched.status).toBe(200);
    const answer = await json(await t.call('POST', `${base()}/weather/refresh`));
    expect(answer.tools.map((tool: { name: string }) => tool.name)).toEqual(['weather__get_weather']);
    await t.call('PATCH', `${base()}/weather`, { body: { tools: null } });
  });

  it('refresh says the credentials were refused, with no secret in the answer', async () => {
    await t.call('PATCH', `${base()}/weather`, {
      body: { auth: { type: 'header', name: 'X-Api-Key', value: 'wrong-value' } },
    });
    const text = await (await t.call('POST', `${base()}/weather/refresh`)).text();
    expect(JSON.parse(text)).toEqual({
      ok: false,
      failure: { kind: 'auth_failed', message: 'the MCP server refused the credentials (HTTP 401)' },
    });
    expect(text).not.toContain('wrong-value');
    await t.call('PATCH', `${base()}/weather`, {
      body: { auth: { type: 'header', name: 'X-Api-Key', value: SECRET } },
    });
  });

  it('a URL that resolves to a private address is refused when saved', async () => {
    privateNames.add('intranet-api.example.com');
    const response = await t.call('POST', base(), {
      body: { name: 'intranet', url: `https://intranet-api.example.com:${mcp.port}/mcp` },
    });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details[0]).toMatchObject({ path: '/url' });
  });

  it('a name that resolves to a private address later is refused with no connection', async () => {
    const created = await t.call('POST', base(), {
      body: { name: 'rebinding', url: `https://orders.example.com:${mcp.port}/mcp` },
    });
    expect(created.status).toBe(201);
    privateNames.add('orders.example.com');
    const connections = mcp.connections;
    const answer = await json(await t.call('POST', `${base()}/rebinding/refresh`));
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(answer.failure.message).toContain('10.0.0.7');
    expect(mcp.connections).toBe(connections);
    expect(dialLog.refused).toEqual([]);
  });

  it('a URL that is not an MCP server says so', async () => {
    await t.call('POST', base(), {
      body: {
        name: 'notmcp',
        url: `https://api.example.com:${mcp.port}/not-here`,
        auth: { type: 'header', name: 'X-Api-Key', value: SECRET },
      },
    });
    const answer = await json(await t.call('POST', `${base()}/notmcp/refresh`));
    expect(answer).toEqual({
      ok: false,
      failure: {
        kind: 'invalid_response',
        message: 'the URL does not answer as an MCP Streamable HTTP endpoint (HTTP 404)',
      },
    });
  });

  it('plain http is refused when saved', async () => {
    const response = await t.call('POST', base(), {
      body: { name: 'plain', url: `http://api.example.com:${mcp.port}/mcp` },
    });
    expect(response.status).toBe(422);
  });

  it('a header the transport sets itself is refused, and a missing secret is named', async () => {
    const response = await t.call('POST', base(), {
      body: {
        name: 'bad',
        url: `https://api.example.com:${mcp.port}/mcp`,
        auth: { type: 'header', name: 'Mcp-Session-Id' },
      },
    });
    expect(response.status).toBe(422);
    const paths = (await json(response)).error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(['/auth/value', '/auth/name']);
  });

  it("another tenant's agent is a 404 on every route", async () => {
    const key = t.tenantB.adminKey;
    expect((await t.call('GET', base(), { key })).status).toBe(404);
    expect((await t.call('GET', `${base()}/weather`, { key })).status).toBe(404);
    expect((await t.call('POST', `${base()}/weather/refresh`, { key })).status).toBe(404);
    expect((await t.call('DELETE', `${base()}/weather`, { key })).status).toBe(404);
    expect((await t.call('GET', `${base()}/weather`)).status).toBe(200);
  });

  it('are removed', async () => {
    expect((await t.call('DELETE', `${base()}/notmcp`)).status).toBe(204);
    expect((await t.call('GET', `${base()}/notmcp`)).status).toBe(404);
  });
});
