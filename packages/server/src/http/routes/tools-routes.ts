import type { Context } from 'hono';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../agents/tool-calls.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv } from '../app-env.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import { ToolCallBody, ToolCallResult, ToolList, ToolListQuery } from '../schemas/tools.js';

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
      const tools = await toolCalls.list(c.get('principal').tenantId, {
        agentId: idParam(c),
        format,
        strict: query.strict === 'true',
      });
      return c.json({ format, tools });
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
      const tools = await toolCalls.list(c.get('principal').tenantId, {
        format,
        strict: query.strict === 'true',
      });
      return c.json({ format, tools });
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
      const outcome = await toolCalls.call(c.get('principal').tenantId, {
        name: body.name,
        arguments: body.arguments ?? {},
        ...(body.agentId === undefined ? {} : { agentId: body.agentId }),
        ...(body.conversationId === undefined ? {} : { conversationId: body.conversationId }),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        ...(body.confirmed === undefined ? {} : { confirmed: body.confirmed }),
      });
      return c.json(outcome);
    },
  }),
];
