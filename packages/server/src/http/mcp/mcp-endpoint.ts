import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Context, Hono } from 'hono';
import type { Principal } from '../../auth/principal.js';
import type { StoredMcpSession } from '../../stores/mcp-session-store.js';
import { ApiError } from '../api-error.js';
import type { AppEnv, AppServices } from '../app-env.js';
import { authenticate, requireScope } from '../authenticate.js';
import { readBodyText } from '../read-json.js';
import { checkUrlText } from '../text-rules.js';
import { openSession, rebuildSession } from './session-server.js';

export { CONFIRMATION_TIMEOUT_MS } from './session-server.js';

/** The tenant's endpoint (all its enabled actions) and an agent's (the actions it may use). */
export const MCP_TENANT_PATH = '/mcp';
export const MCP_AGENT_PATH = '/mcp/agents/:agentId';
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

/** A JSON-RPC error answer (no id: it answers the HTTP request, not a message). */
function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}

/** The answer for a session no instance holds (unknown, ended, idle): the client starts a new one. */
const unknownSession = () => jsonRpcError(404, -32001, 'Session not found: initialize a new one');

/** The POST body as JSON (read here, within the size limit, so the session can keep its initialize). */
async function bodyOf(c: Context<AppEnv>): Promise<{ parsed: unknown } | { error: Response }> {
  const text = await readBodyText(c);
  try {
    return { parsed: JSON.parse(text) };
  } catch {
    return { error: jsonRpcError(400, -32700, 'Parse error: the body is not JSON') };
  }
}

async function handleMcp(c: Context<AppEnv>, services: AppServices): Promise<Response> {
  checkUrlText(c);
  const principal = await mcpPrincipal(c, services);
  c.set('principal', principal);
  const agentId = c.req.param('agentId') ?? null;
  // Another tenant's agent, or none: 404 before anything else is said.
  const agent = agentId === null ? null : await services.agents.loadForTurn(principal.tenantId, agentId);
  let body: unknown;
  if (c.req.method === 'POST') {
    const read = await bodyOf(c);
    if ('error' in read) return read.error;
    body = read.parsed;
  }
  const options = body === undefined ? undefined : { parsedBody: body };
  const sessionId = c.req.header(SESSION_HEADER);
  const shuttingDown = () =>
    jsonRpcError(503, -32000, 'this instance is shutting down: send the request again');
  if (sessionId !== undefined) {
    const stored = await services.mcp.use(sessionId);
    const theirs = (session: StoredMcpSession) =>
      session.tenantId === principal.tenantId &&
      session.actor === principal.actor &&
      session.agentId === agentId;
    if (!stored || !theirs(stored)) return unknownSession();
    if (c.req.method === 'DELETE') {
      await services.mcp.end(sessionId);
      return new Response(null, { status: 200 });
    }
    // Shutting down: its copies are closed, and a new one would hold the listener open.
    if (services.mcp.closed) return shuttingDown();
    // Opened on another instance (or before a restart): rebuilt here from the store.
    const session = await services.mcp.copy(sessionId, () =>
      rebuildSession(services, stored, agent?.name ?? null),
    );
    return session.transport.inner.handleRequest(c.req.raw, options);
  }
  if (c.req.method !== 'POST')
    throw new ApiError(
      'bad_request',
      `start a session first: POST an initialize request (no ${SESSION_HEADER} header)`,
    );
  if (services.mcp.closed) return shuttingDown();
  const refusal = await services.mcp.refusal(principal.tenantId);
  if (refusal) throw new ApiError('too_many_requests', refusal);
  const initialize = isInitializeRequest(body) ? (body.params as Record<string, unknown>) : {};
  const opening = await openSession(
    services,
    { tenantId: principal.tenantId, actor: principal.actor, agentId, agentName: agent?.name ?? null },
    initialize,
  );
  const response = await opening.transport.handleRequest(c.req.raw, options);
  // Not an initialize request, or it failed (the transport answered 4xx): nothing to keep.
  if (!opening.transport.sessionId || response.status >= 400) {
    await opening.server.close();
    if (opening.transport.sessionId) await services.mcp.end(opening.transport.sessionId);
  }
  return response;
}

/**
 * Mounts MCP's Streamable HTTP transport (docs/architecture/mcp.md): `/mcp` for the tenant's
 * enabled actions and `/mcp/agents/{agentId}` for an agent's, with sessions (`Mcp-Session-Id`)
 * stored in the database, so any instance of a fleet serves any session.
 */
export function mountMcp(app: Hono<AppEnv>, services: AppServices): void {
  for (const path of [MCP_TENANT_PATH, MCP_AGENT_PATH]) app.all(path, (c) => handleMcp(c, services));
}
