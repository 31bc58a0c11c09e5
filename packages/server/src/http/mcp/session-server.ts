import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  CallToolRequestSchema,
  type JSONRPCMessage,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { ConfirmationAnswer } from '../../agents/tool-call-service.js';
import type { StoredMcpSession } from '../../stores/mcp-session-store.js';
// A cycle (create-app mounts the endpoint), read only once requests come: by then both are loaded.
import { API_VERSION } from '../api-version.js';
import type { AppServices } from '../app-env.js';
import { toMcpTool } from './action-tool.js';
import type { LiveMcpSession } from './mcp-sessions.js';
import { toMcpResult } from './mcp-tool-result.js';
import { RoutedTransport } from './routed-transport.js';

/** How long a confirmation may wait for the user's answer; past it the call is not made. */
export const CONFIRMATION_TIMEOUT_MS = 5 * 60_000;

/** One session's MCP server: tools/list and tools/call over the endpoint's actions, through the tool-call service. */
function sessionServer(
  services: AppServices,
  session: () => StoredMcpSession,
  agentName: string | null,
): Server {
  const server = new Server(
    { name: 'toolgate', title: 'Toolgate', version: API_VERSION },
    {
      capabilities: { tools: { listChanged: true } },
      instructions: `The actions of ${agentName ? `the agent "${agentName}"` : 'this Toolgate tenant'} as tools. A tool error that says "Ask the user" lists the questions to ask before calling again.`,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const { tenantId, agentId } = session();
    return { tools: (await services.toolCalls.tools(tenantId, agentId ?? undefined)).map(toMcpTool) };
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { id, tenantId, agentId, actor } = session();
    const canAsk = server.getClientCapabilities()?.elicitation?.form !== undefined;
    const confirm = async (question: string): Promise<ConfirmationAnswer> => {
      if (!canAsk) return 'unasked';
      try {
        const answer = await server.elicitInput(
          { mode: 'form', message: question, requestedSchema: { type: 'object', properties: {} } },
          { relatedRequestId: extra.requestId, timeout: CONFIRMATION_TIMEOUT_MS },
        );
        return answer.action;
      } catch {
        return 'cancel'; // no answer in time, or the client failed to ask: nothing is called
      }
    };
    const outcome = await services.toolCalls.call({
      tenantId,
      name: request.params.name,
      arguments: request.params.arguments ?? {},
      ...(agentId === null ? {} : { agentId }),
      trigger: 'mcp',
      actor,
      mcpSessionId: id,
      // A session is one conversation; an action's window counts the key's calls across its sessions.
      windowsPer: 'actor',
      confirm,
    });
    return toMcpResult(request.params.name, outcome);
  });
  return server;
}

/** What a session is opened for: the key's tenant and actor, the endpoint's agent. */
export interface SessionOwner {
  tenantId: string;
  actor: string;
  agentId: string | null;
  agentName: string | null;
}

/** The transport, server and (once initialized) stored session of a session being opened here. */
export interface OpeningSession {
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
}

function transportFor(
  sessionId: () => string,
  onInitialized?: (id: string) => Promise<void>,
): WebStandardStreamableHTTPServerTransport {
  return new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: sessionId,
    ...(onInitialized ? { onsessioninitialized: onInitialized } : {}),
  });
}

async function connect(
  services: AppServices,
  inner: WebStandardStreamableHTTPServerTransport,
  server: Server,
  session: () => StoredMcpSession,
  onclose: () => void,
): Promise<RoutedTransport> {
  const transport = new RoutedTransport(inner, services.mcp.instance, (message: JSONRPCMessage) =>
    services.mcp.forward(session().id, message),
  );
  // Before connecting: the server wraps the handler it finds (and runs its own after it).
  transport.onclose = onclose;
  await server.connect(transport);
  return transport;
}

/**
 * A new session: the SDK transport answers the client's `initialize`; once it has given the
 * session its id, the session is stored (before the answer goes out, so the client's next
 * request finds it on any instance) with the client's initialize request, and kept here.
 */
export async function openSession(
  services: AppServices,
  owner: SessionOwner,
  initialize: Record<string, unknown>,
): Promise<OpeningSession> {
  let stored: StoredMcpSession | undefined;
  const current = () => {
    if (!stored) throw new Error('the MCP session is not initialized');
    return stored;
  };
  const server = sessionServer(services, current, owner.agentName);
  let live: LiveMcpSession | undefined;
  const inner = transportFor(randomUUID, async (id) => {
    stored = await services.mcp.open({
      id,
      tenantId: owner.tenantId,
      actor: owner.actor,
      agentId: owner.agentId,
      initialize,
    });
    live = { stored, server, transport };
    services.mcp.keep(live);
  });
  const transport = await connect(services, inner, server, current, () => {
    if (stored && live) services.mcp.forget(stored.id, live);
  });
  return { transport: inner, server };
}

/**
 * This instance's copy of a session opened on another (or before a restart): a transport whose
 * session id is the stored one and a server that has read the client's stored `initialize`,
 * replayed to them here as the SDK's own request path takes it, so both are in the state the
 * client's initialization left them in. The replayed answer is read and dropped.
 */
export async function rebuildSession(
  services: AppServices,
  stored: StoredMcpSession,
  agentName: string | null,
): Promise<LiveMcpSession> {
  const server = sessionServer(services, () => stored, agentName);
  const inner = transportFor(() => stored.id);
  let live: LiveMcpSession | undefined;
  const transport = await connect(
    services,
    inner,
    server,
    () => stored,
    () => {
      if (live) services.mcp.forget(stored.id, live);
    },
  );
  live = { stored, server, transport };
  const replay = (message: JSONRPCMessage, sessionHeader: boolean) =>
    inner.handleRequest(
      new Request('http://toolgate.internal/mcp', {
        method: 'POST',
        headers: {
          accept: 'application/json, text/event-stream',
          'content-type': 'application/json',
          ...(sessionHeader ? { 'mcp-session-id': stored.id } : {}),
        },
      }),
      { parsedBody: message },
    );
  const initialized = await replay(
    { jsonrpc: '2.0', id: 0, method: 'initialize', params: stored.initialize } as JSONRPCMessage,
    false,
  );
  const answer = await initialized.text();
  if (initialized.status !== 200 || !answer.includes('"result"')) {
    await server.close();
    throw new Error(
      `the stored MCP session ${stored.id} could not be rebuilt: ${initialized.status} ${answer}`,
    );
  }
  await (await replay({ jsonrpc: '2.0', method: 'notifications/initialized' }, true)).text();
  services.mcp.keep(live);
  return live;
}
