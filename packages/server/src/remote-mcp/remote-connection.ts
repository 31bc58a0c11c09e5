// The SDK's MCP client opens no connection of its own: every request it makes goes through the
// transport's injected `fetch`, the outbound policy's (below), never the global one.
import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { TargetCheck } from '@toolgate/core';
import type { OpenedRemoteMcpServer } from '../stores/remote-mcp-store.js';
import type { RemoteMcpTokens } from './oauth2-token.js';
import { classifyRemoteError, RemoteMcpError } from './remote-mcp-error.js';

/** Pages of `tools/list` read at most, and tools kept: a server with more is cut here. */
const MAX_LIST_PAGES = 5;
export const MAX_REMOTE_TOOLS = 100;
/** The session is ended with a DELETE for at most this long after the work is done. */
const TERMINATE_WAIT_MS = 1_000;

/** What the connection needs from the service. */
export interface RemoteConnectionDeps {
  /** The policy fetch: address checks at connect time, https only, response cap, no redirects. */
  fetch: typeof fetch;
  /** The outbound policy's check with DNS, for a clear refusal before anything is dialled. */
  checkUrl: (url: string) => Promise<TargetCheck>;
  tokens: RemoteMcpTokens;
  /** The client's version in `initialize`. */
  version: string;
}

/**
 * Opens one MCP session with a remote server, runs `work` in it and ends it, all within the
 * server's timeout. The URL is checked by the outbound policy first (a refusal dials nothing); the
 * auth header or OAuth2 token is sent on every request. Any failure is thrown as a
 * {@link RemoteMcpError} whose message carries no secret.
 */
export async function withRemoteSession<T>(
  deps: RemoteConnectionDeps,
  server: OpenedRemoteMcpServer,
  work: (client: McpClient, options: RequestOptions) => Promise<T>,
): Promise<T> {
  const timeoutMs = server.timeoutMs;
  const secrets = server.secret === null ? [] : [server.secret];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RemoteMcpError('timeout', `the MCP server did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  let transport: StreamableHTTPClientTransport | undefined;
  const client = new McpClient({ name: 'toolgate', version: deps.version });
  const run = async () => {
    const verdict = await deps.checkUrl(server.url);
    if (!verdict.allowed) {
      const kind = verdict.code === 'unresolvable' ? 'connect_failed' : 'blocked';
      throw new RemoteMcpError(kind, `the destination is not allowed: ${verdict.reason}`);
    }
    const headers = await authHeaders(deps, server, controller.signal);
    for (const value of Object.values(headers)) secrets.push(value);
    transport = new StreamableHTTPClientTransport(new URL(server.url), {
      fetch: deps.fetch,
      requestInit: { headers },
      reconnectionOptions: {
        maxRetries: 0,
        initialReconnectionDelay: 1_000,
        maxReconnectionDelay: 1_000,
        reconnectionDelayGrowFactor: 1,
      },
    });
    const options: RequestOptions = { timeout: timeoutMs, signal: controller.signal };
    await client.connect(transport, options);
    return work(client, options);
  };
  try {
    return await Promise.race([run(), deadline]);
  } catch (error) {
    const failure = classifyRemoteError(error, timeoutMs, secrets);
    if (failure.kind === 'auth_failed' && server.auth.type === 'oauth2_client_credentials') {
      deps.tokens.forget(server);
    }
    throw new RemoteMcpError(failure.kind, failure.message);
  } finally {
    clearTimeout(timer);
    await end(client, transport);
  }
}

/** Ends the session politely (a DELETE, briefly), then closes the client and its streams. */
async function end(client: McpClient, transport: StreamableHTTPClientTransport | undefined) {
  if (transport?.sessionId !== undefined) {
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([
      transport.terminateSession().catch(() => undefined),
      new Promise((resolve) => {
        wait = setTimeout(resolve, TERMINATE_WAIT_MS);
      }),
    ]);
    clearTimeout(wait);
  }
  await client.close().catch(() => undefined);
}

async function authHeaders(
  deps: RemoteConnectionDeps,
  server: OpenedRemoteMcpServer,
  signal: AbortSignal,
): Promise<Record<string, string>> {
  if (server.auth.type === 'header' && server.secret !== null) return { [server.auth.name]: server.secret };
  if (server.auth.type === 'oauth2_client_credentials') {
    return { authorization: `Bearer ${await deps.tokens.tokenFor(server, signal)}` };
  }
  return {};
}

/** Every tool the server lists (following `nextCursor`), at most {@link MAX_REMOTE_TOOLS}. */
export async function listRemoteTools(
  deps: RemoteConnectionDeps,
  server: OpenedRemoteMcpServer,
): Promise<Tool[]> {
  return withRemoteSession(deps, server, async (client, options) => {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES && tools.length < MAX_REMOTE_TOOLS; page += 1) {
      const listed = await client.listTools(cursor === undefined ? {} : { cursor }, options);
      tools.push(...listed.tools);
      cursor = listed.nextCursor;
      if (cursor === undefined) break;
    }
    return tools.slice(0, MAX_REMOTE_TOOLS);
  });
}

/** Calls one tool; a tool's own error comes back as a result with `isError`, not thrown. */
export async function callRemoteTool(
  deps: RemoteConnectionDeps,
  server: OpenedRemoteMcpServer,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return withRemoteSession(deps, server, async (client, options) => {
    const result = await client.callTool({ name, arguments: args }, undefined, options);
    return result as CallToolResult;
  });
}
