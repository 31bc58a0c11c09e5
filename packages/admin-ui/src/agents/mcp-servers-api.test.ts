import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import { createMcpServer, deleteMcpServer, listMcpServers, refreshMcpServer } from './mcp-servers-api';

function fakeClient(answer: unknown) {
  const sent: { method: HttpMethod; path: string; options: RequestOptions | undefined }[] = [];
  const client: ApiClient = {
    async request(method, path, options) {
      sent.push({ method, path, options });
      return answer;
    },
    async stream() {},
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, sent };
}

const serverJson = {
  id: 'mcs_1',
  agentId: 'agt_1',
  name: 'weather',
  url: 'https://mcp.example.com/mcp',
  auth: { type: 'header', name: 'Authorization', value: { set: true } },
  enabled: true,
  tools: null,
  timeoutMs: 10000,
};

describe('the MCP servers API of the agent page', () => {
  it('lists and creates servers', async () => {
    const listed = fakeClient({ servers: [serverJson, { id: 'broken' }] });
    expect(await listMcpServers(listed.client, 'agt_1')).toEqual([
      { id: 'mcs_1', name: 'weather', url: 'https://mcp.example.com/mcp', authType: 'header', enabled: true },
    ]);
    const created = fakeClient(serverJson);
    const body = {
      name: 'weather',
      url: 'https://mcp.example.com/mcp',
      auth: { type: 'header' as const, name: 'Authorization', value: 'Bearer x' },
    };
    expect((await createMcpServer(created.client, 'agt_1', body)).name).toBe('weather');
    expect(created.sent[0]).toMatchObject({
      method: 'POST',
      path: '/agents/agt_1/mcp-servers',
      options: { body },
    });
  });

  it('reads the tools or the reason from refresh', async () => {
    const ok = fakeClient({
      ok: true,
      tools: [{ name: 'weather__get', remoteName: 'get', description: 'Weather.', inputSchema: {} }],
      skipped: [{ name: 'a.b', reason: 'weather__a.b is not a tool name a model accepts' }],
    });
    expect(await refreshMcpServer(ok.client, 'agt_1', 'weather')).toEqual({
      ok: true,
      tools: [{ name: 'weather__get', description: 'Weather.' }],
      skipped: ['weather__a.b is not a tool name a model accepts'],
    });
    expect(ok.sent[0]).toMatchObject({ method: 'POST', path: '/agents/agt_1/mcp-servers/weather/refresh' });
    const failed = fakeClient({ ok: false, failure: { kind: 'blocked', message: 'private address' } });
    expect(await refreshMcpServer(failed.client, 'agt_1', 'weather')).toEqual({
      ok: false,
      kind: 'blocked',
      message: 'private address',
    });
  });

  it('deletes a server by name', async () => {
    const { client, sent } = fakeClient(null);
    await deleteMcpServer(client, 'agt 1', 'weather');
    expect(sent[0]).toMatchObject({ method: 'DELETE', path: '/agents/agt%201/mcp-servers/weather' });
  });
});
