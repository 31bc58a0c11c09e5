import { Type } from '@sinclair/typebox';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { AgentView, CreateAgentBody, CreatedAgent, PatchAgentBody } from '../schemas/agents.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';

/** The agents API: prompt, model (its key write-only), actions, limits, texts, locale, webhook trigger. */
export const agentsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/agents',
    summary: 'Create an agent; the signing secret of its webhook trigger is returned this once',
    tag: 'agents',
    scope: 'agents:manage',
    body: CreateAgentBody,
    responses: { 201: CreatedAgent, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { agents }, { body }) {
      const principal = c.get('principal');
      return c.json(await agents.create(principal.tenantId, body, principal.actor), 201);
    },
  }),
  {
    method: 'get',
    path: '/agents',
    summary: "List the tenant's agents (model keys are never shown)",
    tag: 'agents',
    scope: 'agents:read',
    responses: { 200: Type.Object({ agents: Type.Array(AgentView) }), ...COMMON_ERRORS },
    async handler(c, { agents }) {
      return c.json({ agents: await agents.list(c.get('principal').tenantId) });
    },
  },
  {
    method: 'get',
    path: '/agents/{id}',
    summary: 'Read one agent, by id or name',
    tag: 'agents',
    scope: 'agents:read',
    responses: { 200: AgentView, ...COMMON_ERRORS },
    async handler(c, { agents }) {
      return c.json(await agents.get(c.get('principal').tenantId, idParam(c)));
    },
  },
  defineRoute({
    method: 'patch',
    path: '/agents/{id}',
    summary:
      'Change an agent: a field replaces, null removes, limits merge; model.apiKey absent keeps the stored key only while provider and base URL stay the same',
    tag: 'agents',
    scope: 'agents:manage',
    body: PatchAgentBody,
    responses: { 200: AgentView, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { agents }, { body: patch }) {
      const principal = c.get('principal');
      return c.json(await agents.update(principal.tenantId, idParam(c), patch, principal.actor));
    },
  }),
  {
    method: 'post',
    path: '/agents/{id}/signing-secret/rotate',
    summary:
      "Issue a new signing secret for the agent's webhook trigger; the old one keeps signing for 24 hours",
    tag: 'agents',
    scope: 'agents:manage',
    responses: {
      200: Type.Object({
        signingSecret: Type.String(),
        previousValidUntil: Type.String({ format: 'date-time' }),
      }),
      ...COMMON_ERRORS,
    },
    async handler(c, { agents }) {
      const principal = c.get('principal');
      return c.json(await agents.rotateSigningSecret(principal.tenantId, idParam(c), principal.actor));
    },
  },
  {
    method: 'delete',
    path: '/agents/{id}',
    summary: 'Delete an agent and its conversations (their calls stay in the execution log)',
    tag: 'agents',
    scope: 'agents:manage',
    responses: { 204: 'Deleted', ...COMMON_ERRORS },
    async handler(c, { agents }) {
      const principal = c.get('principal');
      await agents.remove(principal.tenantId, idParam(c), principal.actor);
      return c.body(null, 204);
    },
  },
];
