import { isRecord } from '../actions/json-values';
import type { ApiClient } from '../api/api-client';
import { unexpected } from '../subscriptions/subscription-view';

/** What the agent page shows of one remote MCP server (never its secret). */
export interface McpServerRow {
  id: string;
  name: string;
  url: string;
  /** `none`, `header` or `oauth2_client_credentials`. */
  authType: string;
  enabled: boolean;
}

/** One remote tool as the agent sees it. */
export interface RemoteToolRow {
  name: string;
  description: string;
}

/** What `refresh` found: the tools, or why the server could not be listed. */
export type RemoteToolsResult =
  | { ok: true; tools: RemoteToolRow[]; skipped: string[] }
  | { ok: false; kind: string; message: string };

/** The body of `POST /agents/{id}/mcp-servers` the page sends: a header secret, or none. */
export interface McpServerBody {
  name: string;
  url: string;
  auth: { type: 'none' } | { type: 'header'; name: string; value: string };
}

/** One server, or `undefined` when it lacks an id, a name or a URL. */
export function toMcpServerRow(value: unknown): McpServerRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined;
  if (typeof value.url !== 'string') return undefined;
  return {
    id: value.id,
    name: value.name,
    url: value.url,
    authType: isRecord(value.auth) && typeof value.auth.type === 'string' ? value.auth.type : 'none',
    enabled: value.enabled !== false,
  };
}

/** The refresh answer, read loosely: tools with a name, or the failure. */
export function toRemoteToolsResult(value: unknown): RemoteToolsResult {
  if (!isRecord(value)) throw unexpected('a tool list');
  if (value.ok === false) {
    const failure = isRecord(value.failure) ? value.failure : {};
    return {
      ok: false,
      kind: typeof failure.kind === 'string' ? failure.kind : 'failed',
      message: typeof failure.message === 'string' ? failure.message : 'the server could not be listed',
    };
  }
  const tools = (Array.isArray(value.tools) ? value.tools : []).flatMap((tool) =>
    isRecord(tool) && typeof tool.name === 'string'
      ? [{ name: tool.name, description: typeof tool.description === 'string' ? tool.description : '' }]
      : [],
  );
  const skipped = (Array.isArray(value.skipped) ? value.skipped : []).flatMap((item) =>
    isRecord(item) && typeof item.reason === 'string' ? [item.reason] : [],
  );
  return { ok: true, tools, skipped };
}

const base = (agentId: string) => `/agents/${encodeURIComponent(agentId)}/mcp-servers`;
const one = (agentId: string, name: string) => `${base(agentId)}/${encodeURIComponent(name)}`;

/** `GET /agents/{id}/mcp-servers`. */
export async function listMcpServers(client: ApiClient, agentId: string): Promise<McpServerRow[]> {
  const answer = await client.request('GET', base(agentId));
  if (!isRecord(answer) || !Array.isArray(answer.servers)) throw unexpected('a list of MCP servers');
  return answer.servers.flatMap((item) => toMcpServerRow(item) ?? []);
}

/** `POST /agents/{id}/mcp-servers`. */
export async function createMcpServer(
  client: ApiClient,
  agentId: string,
  body: McpServerBody,
): Promise<McpServerRow> {
  const row = toMcpServerRow(await client.request('POST', base(agentId), { body }));
  if (row === undefined) throw unexpected('an MCP server');
  return row;
}

/** `POST /agents/{id}/mcp-servers/{server}/refresh`: connects now and lists the tools. */
export async function refreshMcpServer(
  client: ApiClient,
  agentId: string,
  name: string,
): Promise<RemoteToolsResult> {
  return toRemoteToolsResult(await client.request('POST', `${one(agentId, name)}/refresh`));
}

/** `DELETE /agents/{id}/mcp-servers/{server}`. */
export async function deleteMcpServer(client: ApiClient, agentId: string, name: string): Promise<void> {
  await client.request('DELETE', one(agentId, name));
}
