import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import {
  createMcpServer,
  deleteMcpServer,
  listMcpServers,
  refreshMcpServer,
  setMcpServerConfirmation,
} from './mcp-servers-api';

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
  confirmation: 'always',
};

describe('the MCP servers API of the agent page', () => {
  it('lists and creates servers', async () => {
    const listed = fakeClient({ servers: [serverJson, { id: 'broken' }] });
    expect(await listMcpServers(listed.client, 'agt_1')).toEqual([
      {
        id: 'mcs_1',
        name: 'weather',
        url: 'https://mcp.example.com/mcp',
        authType: 'header',
        enabled: true,
        confirmation: 'always',
      },
    ]);
    const created = fakeClient(serverJson);
    const body = {
      name: 'weather',
      url: 'https://mcp.example.com/mcp',
      auth: { type: 'header' as const, name: 'Authorization', value: 'Bearer x' },
      confirmation: 'auto' as const,
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
      tools: [
        { name: 'weather__get', remoteName: 'get', description: 'Weather.', inputSchema: {}, confirm: false },
        { name: 'weather__drop', remoteName: 'drop', description: 'Drops.', inputSchema: {}, confirm: true },
      ],
      skipped: [{ name: 'a.b', reason: 'weather__a.b is not a tool name a model accepts' }],
    });
    expect(await refreshMcpServer(ok.client, 'agt_1', 'weather')).toEqual({
      ok: true,
      tools: [
        { name: 'weather__get', description: 'Weather.', confirm: false },
        { name: 'weather__drop', description: 'Drops.', confirm: true },
      ],
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

  it('changes the confirmation setting, reading auto for an answer without one', async () => {
    const { client, sent } = fakeClient({ ...serverJson, confirmation: 'never' });
    expect((await setMcpServerConfirmation(client, 'agt_1', 'weather', 'never')).confirmation).toBe('never');
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      path: '/agents/agt_1/mcp-servers/weather',
      options: { body: { confirmation: 'never' } },
    });
    const old = fakeClient({ servers: [{ ...serverJson, confirmation: undefined }] });
    expect((await listMcpServers(old.client, 'agt_1'))[0]?.confirmation).toBe('auto');
  });

  it('deletes a server by name', async () => {
    const { client, sent } = fakeClient(null);
    await deleteMcpServer(client, 'agt 1', 'weather');
    expect(sent[0]).toMatchObject({ method: 'DELETE', path: '/agents/agt%201/mcp-servers/weather' });
  });
});
