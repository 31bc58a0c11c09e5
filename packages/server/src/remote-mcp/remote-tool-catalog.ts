import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { OpenedRemoteMcpServer } from '../stores/remote-mcp-store.js';
import { listRemoteTools, type RemoteConnectionDeps } from './remote-connection.js';
import { RemoteMcpError, type RemoteMcpFailure } from './remote-mcp-error.js';

/** A server's tool list is read again after this long. */
export const REMOTE_TOOLS_TTL_MS = 60_000;
/** A server that could not be listed is tried again after this long (turns do not each wait for it). */
export const REMOTE_TOOLS_FAILURE_TTL_MS = 15_000;
/** Lists of this many servers kept; past it the cache starts again. */
const MAX_CACHED_SERVERS = 5_000;
/** How a model may name a tool (OpenAI's and Anthropic's common rule). */
const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** One remote tool as the agent sees it. */
export interface OfferedRemoteTool {
  /** `<server>__<tool>`: never the name of an action (an action of the same name wins). */
  name: string;
  remoteName: string;
  description: string;
  inputSchema: Tool['inputSchema'];
}

export type RemoteToolList =
  | { ok: true; tools: OfferedRemoteTool[]; skipped: Array<{ name: string; reason: string }> }
  | { ok: false; failure: RemoteMcpFailure };

/** The name a remote tool has for the agent. */
export function offeredName(serverName: string, toolName: string): string {
  return `${serverName}__${toolName}`;
}

/** The server's tools the agent is offered: the allow-list applied, names a model cannot take skipped. */
export function offeredTools(server: OpenedRemoteMcpServer, tools: readonly Tool[]): RemoteToolList {
  const offered: OfferedRemoteTool[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const tool of tools) {
    if (server.tools !== null && !server.tools.includes(tool.name)) continue;
    const name = offeredName(server.name, tool.name);
    if (!TOOL_NAME.test(name)) {
      skipped.push({
        name: tool.name,
        reason: `${name} is not a tool name a model accepts (letters, digits, _ and -, at most 64)`,
      });
      continue;
    }
    offered.push({
      name,
      remoteName: tool.name,
      description: tool.description ?? tool.title ?? tool.name,
      inputSchema: tool.inputSchema,
    });
  }
  return { ok: true, tools: offered, skipped };
}

/**
 * The tool lists of remote MCP servers, cached per server version for {@link REMOTE_TOOLS_TTL_MS}
 * (a failure for {@link REMOTE_TOOLS_FAILURE_TTL_MS}); `refresh` reads one again now. Lists in
 * flight are shared: parallel turns of one agent make one connection.
 */
export function createRemoteToolCatalog(deps: RemoteConnectionDeps & { now?: () => number }) {
  const now = deps.now ?? Date.now;
  const lists = new Map<string, { until: number; list: Promise<RemoteToolList> }>();

  function read(server: OpenedRemoteMcpServer): Promise<RemoteToolList> {
    const list = listRemoteTools(deps, server).then(
      (tools) => offeredTools(server, tools),
      (error: unknown): RemoteToolList => ({
        ok: false,
        failure:
          error instanceof RemoteMcpError
            ? { kind: error.kind, message: error.message }
            : { kind: 'connect_failed', message: String(error) },
      }),
    );
    if (lists.size >= MAX_CACHED_SERVERS) lists.clear();
    const entry = { until: Number.POSITIVE_INFINITY, list };
    lists.set(server.version, entry);
    void list.then((done) => {
      entry.until = now() + (done.ok ? REMOTE_TOOLS_TTL_MS : REMOTE_TOOLS_FAILURE_TTL_MS);
    });
    return list;
  }

  return {
    /** The server's offered tools, from the cache while it is fresh. */
    toolsOf(server: OpenedRemoteMcpServer): Promise<RemoteToolList> {
      const cached = lists.get(server.version);
      if (cached && cached.until > now()) return cached.list;
      return read(server);
    },
    /** Reads the server's tools again now (the refresh endpoint). */
    refresh(server: OpenedRemoteMcpServer): Promise<RemoteToolList> {
      return read(server);
    },
  };
}

export type RemoteToolCatalog = ReturnType<typeof createRemoteToolCatalog>;
