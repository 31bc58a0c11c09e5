import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv, AppServices } from '../app-env.js';
import {
  CreateRemoteMcpServerBody,
  PatchRemoteMcpServerBody,
  RemoteMcpServerView,
  RemoteToolsAnswer,
} from '../schemas/remote-mcp.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';

/** The agent of the path (by id or name) in the caller's tenant, and the `{server}` segment. */
async function target(c: Context<AppEnv>, services: AppServices) {
  const { tenantId, actor } = c.get('principal');
  const agent = await services.agents.get(tenantId, idParam(c));
  return { tenantId, actor, agentId: agent.id, name: c.req.param('server') ?? '' };
}

/** An agent's remote MCP servers (docs/architecture/mcp.md): managed with the agents scopes. */
export const remoteMcpRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/agents/{id}/mcp-servers',
    summary:
      "Add a remote MCP server to an agent: its tools are offered beside the agent's actions as <name>__<tool> (secrets are write-only)",
    tag: 'mcp-servers',
    scope: 'agents:manage',
    body: CreateRemoteMcpServerBody,
    responses: { 201: RemoteMcpServerView, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, services, { body }) {
      const { tenantId, actor, agentId } = await target(c, services);
      return c.json(await services.remoteMcpServers.create(tenantId, agentId, body, actor), 201);
    },
  }),
  {
    method: 'get',
    path: '/agents/{id}/mcp-servers',
    summary: "List an agent's remote MCP servers (secrets are never shown)",
    tag: 'mcp-servers',
    scope: 'agents:read',
    responses: { 200: Type.Object({ servers: Type.Array(RemoteMcpServerView) }), ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, agentId } = await target(c, services);
      return c.json({ servers: await services.remoteMcpServers.list(tenantId, agentId) });
    },
  },
  {
    method: 'get',
    path: '/agents/{id}/mcp-servers/{server}',
    summary: 'Read one remote MCP server',
    tag: 'mcp-servers',
    scope: 'agents:read',
    responses: { 200: RemoteMcpServerView, ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, agentId, name } = await target(c, services);
      return c.json(await services.remoteMcpServers.get(tenantId, agentId, name));
    },
  },
  defineRoute({
    method: 'patch',
    path: '/agents/{id}/mcp-servers/{server}',
    summary:
      'Change a remote MCP server: URL, auth (same type keeps a secret left out), enabled, tool allow-list, timeout',
    tag: 'mcp-servers',
    scope: 'agents:manage',
    body: PatchRemoteMcpServerBody,
    responses: { 200: RemoteMcpServerView, ...COMMON_ERRORS, 413: ErrorBody, 422: ErrorBody },
    async handler(c, services, { body }) {
      const { tenantId, actor, agentId, name } = await target(c, services);
      return c.json(await services.remoteMcpServers.update(tenantId, agentId, name, body, actor));
    },
  }),
  {
    method: 'delete',
    path: '/agents/{id}/mcp-servers/{server}',
    summary: 'Remove a remote MCP server from the agent (its calls stay in the log)',
    tag: 'mcp-servers',
    scope: 'agents:manage',
    responses: { 204: 'Deleted', ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, actor, agentId, name } = await target(c, services);
      await services.remoteMcpServers.remove(tenantId, agentId, name, actor);
      return c.body(null, 204);
    },
  },
  {
    method: 'post',
    path: '/agents/{id}/mcp-servers/{server}/refresh',
    summary:
      "Connect to the server now and list its tools as the agent sees them (and refresh the agent's cached list), or say why it could not: blocked, timeout, auth_failed, invalid_response (not an MCP server)",
    tag: 'mcp-servers',
    scope: 'agents:manage',
    responses: { 200: RemoteToolsAnswer, ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, agentId, name } = await target(c, services);
      const server = await services.remoteMcpServers.open(tenantId, agentId, name);
      return c.json(await services.remoteMcpTools.refresh(server));
    },
  },
];
