import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { type AgentAction, DEFAULT_AGENT_LIMITS, toAgentAction } from '@toolgate/core';
import type { Context, Hono } from 'hono';
import type { Principal } from '../../auth/principal.js';
import { ApiError } from '../api-error.js';
// A cycle (create-app mounts this file), read only once requests come: by then both are loaded.
import { API_VERSION } from '../api-version.js';
import type { AppEnv, AppServices } from '../app-env.js';
import { authenticate, requireScope } from '../authenticate.js';
import { MAX_REQUEST_BODY_BYTES } from '../read-json.js';
import { checkUrlText } from '../text-rules.js';
import { toMcpTool } from './action-tool.js';
import { type ConfirmationAnswer, callActionTool, type ToolScope } from './call-action-tool.js';
import type { McpSession } from './mcp-sessions.js';

/** The tenant's endpoint (all its enabled actions) and an agent's (the actions it may use). */
export const MCP_TENANT_PATH = '/mcp';
export const MCP_AGENT_PATH = '/mcp/agents/:agentId';
/** How long a confirmation may wait for the user's answer; past it the call is not made. */
export const CONFIRMATION_TIMEOUT_MS = 5 * 60_000;
const SESSION_HEADER = 'mcp-session-id';

/** The caller of an MCP request: an API key (no cookie session, no widget key) with `tools`. */
async function mcpPrincipal(c: Context<AppEnv>, services: AppServices): Promise<Principal> {
  if (c.req.header('authorization') === undefined)
    throw new ApiError(
      'unauthenticated',
      'send an API key with the tools scope as "Authorization: Bearer tg_..."',
    );
  const principal = await authenticate(c, services);
  if (principal.widget)
    throw new ApiError('forbidden', 'a widget key cannot use MCP; create a key with the tools scope');
  requireScope(principal, 'tools');
  return principal;
}

/** The tools of the endpoint as they are now: read on every list and call (the stores cache briefly). */
async function toolScope(
  services: AppServices,
  tenantId: string,
  agentId: string | null,
): Promise<ToolScope> {
  if (agentId === null) {
    const stored = await services.actions.list(tenantId);
    return {
      tenantId,
      actions: stored
        .filter((action) => action.enabled)
        .map((action) => ({
          ...toAgentAction(action.definition as unknown as AgentAction['definition']),
          id: action.id,
        })),
      limits: DEFAULT_AGENT_LIMITS,
      argumentOptions: {},
    };
  }
  const agent = await services.agents.loadForTurn(tenantId, agentId);
  return {
    tenantId,
    agentId,
    actions: await services.runtime.usableActions(tenantId, agent),
    limits: { ...DEFAULT_AGENT_LIMITS, ...agent.settings.limits },
    argumentOptions: services.runtime.argumentOptionsOf(agent),
  };
}

/** One session's MCP server: tools/list and tools/call over the endpoint's actions. */
function sessionServer(services: AppServices, session: () => McpSession, agentName: string | null): Server {
  const server = new Server(
    { name: 'toolgate', title: 'Toolgate', version: API_VERSION },
    {
      capabilities: { tools: { listChanged: true } },
      instructions: `The actions of ${agentName ? `the agent "${agentName}"` : 'this Toolgate tenant'} as tools. A tool error that says "Ask the user" lists the questions to ask before calling again.`,
    },
  );
  const scopeNow = () => toolScope(services, session().tenantId, session().agentId);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await scopeNow()).actions.map(toMcpTool),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const canAsk = server.getClientCapabilities()?.elicitation?.form !== undefined;
    const confirm = async (question: string): Promise<ConfirmationAnswer> => {
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
    return callActionTool({
      runner: services.runner,
      scope: await scopeNow(),
      name: request.params.name,
      args: request.params.arguments,
      counts: services.mcp.countsOf(session()),
      ...(canAsk ? { confirm } : {}),
      now: () => new Date(),
    });
  });
  return server;
}

/** The JSON-RPC answer for a session this server does not hold: the client starts a new one. */
function unknownSession(): Response {
  return Response.json(
    { jsonrpc: '2.0', error: { code: -32001, message: 'Session not found: initialize a new one' }, id: null },
    { status: 404 },
  );
}

async function handleMcp(c: Context<AppEnv>, services: AppServices): Promise<Response> {
  checkUrlText(c);
  const principal = await mcpPrincipal(c, services);
  c.set('principal', principal);
  const agentId = c.req.param('agentId') ?? null;
  // Another tenant's agent, or none: 404 before anything else is said.
  const agent = agentId === null ? null : await services.agents.loadForTurn(principal.tenantId, agentId);
  const sessionId = c.req.header(SESSION_HEADER);
  if (sessionId !== undefined) {
    const session = services.mcp.use(sessionId);
    const theirs =
      session?.tenantId === principal.tenantId &&
      session.actor === principal.actor &&
      session.agentId === agentId;
    return session && theirs ? session.transport.handleRequest(c.req.raw) : unknownSession();
  }
  if (c.req.method !== 'POST')
    throw new ApiError(
      'bad_request',
      `start a session first: POST an initialize request (no ${SESSION_HEADER} header)`,
    );
  const refusal = services.mcp.refusal(principal.tenantId);
  if (refusal) throw new ApiError('too_many_requests', refusal);

  let opened: McpSession | undefined;
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    maxRequestBodySize: MAX_REQUEST_BODY_BYTES,
    onsessioninitialized: (id) => {
      opened = {
        id,
        tenantId: principal.tenantId,
        actor: principal.actor,
        agentId,
        server,
        transport,
        callsMade: 0,
        lastSeen: Date.now(),
      };
      services.mcp.add(opened);
    },
    onsessionclosed: (id) => services.mcp.forget(id),
  });
  const server = sessionServer(
    services,
    () => {
      if (!opened) throw new Error('the MCP session is not initialized');
      return opened;
    },
    agent?.name ?? null,
  );
  transport.onclose = () => {
    if (transport.sessionId) services.mcp.forget(transport.sessionId);
  };
  await server.connect(transport);
  const response = await transport.handleRequest(c.req.raw);
  // Not an initialize request (the transport answered 400): nothing to keep.
  if (!transport.sessionId) await server.close();
  return response;
}

/**
 * Mounts MCP's Streamable HTTP transport (docs/architecture/mcp.md): `/mcp` for the tenant's
 * enabled actions and `/mcp/agents/{agentId}` for an agent's, each with sessions
 * (`Mcp-Session-Id`) held in this process.
 */
export function mountMcp(app: Hono<AppEnv>, services: AppServices): void {
  for (const path of [MCP_TENANT_PATH, MCP_AGENT_PATH]) app.all(path, (c) => handleMcp(c, services));
}
