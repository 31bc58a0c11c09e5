import {
  type LoopbackHttpsServer,
  type ProtocolConversation,
  type ProtocolServer,
  sendJson,
  startLoopbackHttpsServer,
  startOpenAIProtocolServer,
} from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../test/conversation-fixture.js';
import { createLoopbackTestApp } from '../test/loopback-test-app.js';
import { type LoopbackMcpServer, startLoopbackMcpServer } from '../test/remote-mcp-server.js';
import type { TestApp } from '../test/test-app.js';

/**
 * A remote MCP server behind OAuth2 client credentials: the token comes from a loopback token
 * endpoint (HTTP Basic client authentication), is sent as a bearer token, and is asked for once
 * while it is valid. Neither the client secret nor the token is in an answer or the log.
 */
const CLIENT_SECRET = 'cs-planted-remote-mcp-secret-2b7f';
const ACCESS_TOKEN = 'at-planted-remote-mcp-token-90c4';
let t: TestApp;
let mcp: LoopbackMcpServer;
let tokens: LoopbackHttpsServer;
let agentId = '';
let model: ProtocolServer<{ conversation: ProtocolConversation }>;

beforeAll(async () => {
  mcp = await startLoopbackMcpServer({
    requiredHeader: { name: 'authorization', value: `Bearer ${ACCESS_TOKEN}` },
  });
  tokens = await startLoopbackHttpsServer((request, response) => {
    const basic = Buffer.from(`shop-app:${CLIENT_SECRET}`).toString('base64');
    if (request.headers.authorization !== `Basic ${basic}`)
      return sendJson(response, 401, { error: 'invalid_client' });
    sendJson(response, 200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 });
  });
  // A scripted LLM: calls whoami, then says what came back.
  model = await startOpenAIProtocolServer((_body, { conversation }) => {
    const [result] = conversation.toolResultsSinceLastUser;
    if (result) return { text: `said: ${(result.content as { data?: { text: string } }).data?.text}` };
    return { toolCalls: [{ name: 'idp__whoami', arguments: {} }] };
  });
  t = await createLoopbackTestApp();
  agentId = (await t.services.agents.create(t.tenantA.id, { name: 'OAuth desk' }, 'test')).agent.id;
});
afterAll(async () => {
  await t.close();
  await mcp.close();
  await tokens.close();
  await model.close();
});

describe('a remote MCP server with OAuth2 client credentials', () => {
  it('gets a token, lists the tools with it, and reuses it', async () => {
    const created = await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers`, {
      body: {
        name: 'shop',
        url: `https://api.example.com:${mcp.port}/mcp`,
        auth: {
          type: 'oauth2_client_credentials',
          tokenUrl: `https://orders.example.com:${tokens.port}/oauth/token`,
          clientId: 'shop-app',
          clientSecret: CLIENT_SECRET,
          scopes: ['tools.read'],
        },
      },
    });
    const text = await created.text();
    expect(created.status, text).toBe(201);
    expect(JSON.parse(text).auth).toEqual({
      type: 'oauth2_client_credentials',
      tokenUrl: `https://orders.example.com:${tokens.port}/oauth/token`,
      clientId: 'shop-app',
      clientSecret: { set: true },
      scopes: ['tools.read'],
    });
    const first = await json(await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers/shop/refresh`));
    expect(first.ok).toBe(true);
    expect(tokens.requests[0]?.body).toBe('grant_type=client_credentials&scope=tools.read');
    const again = await json(await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers/shop/refresh`));
    expect(again.ok).toBe(true);
    expect(tokens.requests).toHaveLength(1);
    const everything = `${text}${JSON.stringify([first, again])}${t.logText()}`;
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(ACCESS_TOKEN);
  });

  it('says the token endpoint refused a wrong client secret', async () => {
    await t.call('PATCH', `/api/v1/agents/${agentId}/mcp-servers/shop`, {
      body: {
        auth: {
          type: 'oauth2_client_credentials',
          tokenUrl: `https://orders.example.com:${tokens.port}/oauth/token`,
          clientId: 'shop-app',
          clientSecret: 'not-the-secret',
        },
      },
    });
    const answer = await json(await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers/shop/refresh`));
    expect(answer).toEqual({
      ok: false,
      failure: {
        kind: 'auth_failed',
        message: 'the token endpoint refused the client credentials (HTTP 401)',
      },
    });
  });

  it('scrubs the access token from a result that echoes it', async () => {
    const { agent } = await t.services.agents.create(
      t.tenantA.id,
      {
        name: 'Echo desk',
        model: { provider: 'openai-compatible', model: 'local-llama', baseUrl: model.url },
      },
      'test',
    );
    const created = await t.call('POST', `/api/v1/agents/${agent.id}/mcp-servers`, {
      body: {
        name: 'idp',
        url: `https://api.example.com:${mcp.port}/mcp`,
        auth: {
          type: 'oauth2_client_credentials',
          tokenUrl: `https://orders.example.com:${tokens.port}/oauth/token`,
          clientId: 'shop-app',
          clientSecret: CLIENT_SECRET,
        },
      },
    });
    expect(created.status).toBe(201);
    const { id } = await json(await t.call('POST', '/api/v1/conversations', { body: { agentId: agent.id } }));
    const answer = await t.call('POST', `/api/v1/conversations/${id}/messages`, {
      body: { text: 'who am I?' },
    });
    const text = await answer.text();
    expect(JSON.parse(text).reply).toBe('said: you are Bearer [redacted]');
    expect(mcp.called.at(-1)).toEqual({ name: 'whoami', args: {} });
    const record = await (await t.call('GET', `/api/v1/calls?conversation=${id}`)).text();
    expect(record).toContain('you are Bearer [redacted]');
    expect(`${text}${record}${t.logText()}`).not.toContain(ACCESS_TOKEN);
  });
});
