import type { Context } from 'hono';
import type { UsableAction } from '../../agents/agent-runtime.js';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../agents/tool-call-service.js';
import { type ToolFormat, toExternalTool } from '../../calls/tool-formats.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv } from '../app-env.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import { ToolCallBody, ToolCallResult, ToolList, ToolListQuery } from '../schemas/tools.js';
import { toolApiAnswer } from './tool-call-answer.js';

/** Printable ASCII, as a header carries it. */
const IDEMPOTENCY_KEY = new RegExp(`^[\\x20-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`);

/** The key from the `Idempotency-Key` header or the body; both given, they must agree. */
function idempotencyKeyOf(c: Context<AppEnv>, fromBody: string | undefined): string | undefined {
  const header = c.req.header('idempotency-key');
  if (header === undefined) return fromBody;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError(
      'validation_failed',
      `the Idempotency-Key header must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters`,
      [
        {
          path: '/headers/idempotency-key',
          message: `must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters`,
        },
      ],
    );
  }
  if (fromBody !== undefined && fromBody !== header) {
    throw new ApiError('validation_failed', 'the Idempotency-Key header and idempotencyKey differ', [
      { path: '/idempotencyKey', message: 'differs from the Idempotency-Key header' },
    ]);
  }
  return header;
}

/** Actions as tools in another stack's format (OpenAI strict on request). */
function inFormat(actions: UsableAction[], format: ToolFormat, strict: boolean) {
  return actions.map((action) => toExternalTool(action.definition, format, strict ? { strict: true } : {}));
}

/** The tenant's actions as tools for other agent stacks (docs/architecture/tools-api.md). */
export const toolsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/agents/{id}/tools',
    summary: "An agent's usable actions as tools, in OpenAI's or Anthropic's format",
    tag: 'tools',
    scope: ['tools', 'agents:read'],
    query: ToolListQuery,
    responses: { 200: ToolList, ...COMMON_ERRORS, 422: ErrorBody },
    async handler(c, { toolCalls }, { query }) {
      const format = query.format ?? 'openai';
      const actions = await toolCalls.tools(c.get('principal').tenantId, idParam(c));
      return c.json({ format, tools: inFormat(actions, format, query.strict === 'true') });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tools',
    summary: "Every enabled action of the tenant as a tool, in OpenAI's or Anthropic's format",
    tag: 'tools',
    scope: ['tools', 'webhooks:read'],
    query: ToolListQuery,
    responses: { 200: ToolList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody },
    async handler(c, { toolCalls }, { query }) {
      const format = query.format ?? 'openai';
      const actions = await toolCalls.tools(c.get('principal').tenantId);
      return c.json({ format, tools: inFormat(actions, format, query.strict === 'true') });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tools/call',
    summary:
      'Call an action by its tool name: validated, limited, confirmed, signed and logged like a conversation call; every outcome is a 200 tool result',
    tag: 'tools',
    scope: 'tools',
    body: ToolCallBody,
    responses: {
      200: ToolCallResult,
      ...COMMON_ERRORS,
      409: ErrorBody,
      413: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, { toolCalls }, { body }) {
      const idempotencyKey = idempotencyKeyOf(c, body.idempotencyKey);
      const principal = c.get('principal');
      const outcome = await toolCalls.call({
        tenantId: principal.tenantId,
        name: body.name,
        arguments: body.arguments ?? {},
        trigger: 'tool_api',
        actor: principal.actor,
        ...(body.agentId === undefined ? {} : { agentId: body.agentId }),
        ...(body.conversationId === undefined ? {} : { conversationId: body.conversationId }),
        windowsPer: 'conversation',
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        // No user to ask here: the caller's framework asks and says so with confirmed: true.
        confirm: async () => (body.confirmed === true ? 'accept' : 'unasked'),
      });
      return c.json(toolApiAnswer(body.name, outcome));
    },
  }),
];
