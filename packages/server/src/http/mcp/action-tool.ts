import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { type AgentAction, needsConfirmation, toToolDefinition } from '@toolgate/core';

/** Methods that change nothing on the endpoint's side, as the action's operator declares them. */
const READ_ONLY_METHODS: ReadonlySet<string> = new Set(['GET']);
/** Methods whose repeat with the same arguments has no further effect (RFC 9110). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/**
 * The hints an MCP client reads about a tool, from the action's method and confirmation setting:
 * a GET is read-only; a DELETE is destructive, and so is any other non-GET the agent would ask
 * to confirm (the operator said it has side effects worth a yes); a POST or PATCH set never to
 * ask is not. GET, PUT and DELETE are idempotent. Every action reaches an outside endpoint
 * (open world).
 *
 * @example
 * toolAnnotationsOf({ definition: { ...definition, method: 'DELETE' } });
 * // { title: 'Cancel an order', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true }
 */
export function toolAnnotationsOf(action: AgentAction): NonNullable<Tool['annotations']> {
  const method = action.definition.method ?? 'POST';
  const readOnly = READ_ONLY_METHODS.has(method);
  return {
    ...(action.definition.displayName ? { title: action.definition.displayName } : {}),
    readOnlyHint: readOnly,
    destructiveHint: !readOnly && (method === 'DELETE' || needsConfirmation(action)),
    idempotentHint: IDEMPOTENT_METHODS.has(method),
    openWorldHint: true,
  };
}

/**
 * An action as an MCP tool: its name, title (the display name), description, its parameters as
 * the input schema (the same JSON Schema a model is given, from core's `toToolDefinition`) and
 * its hints.
 *
 * @example
 * toMcpTool(toAgentAction(definition));
 * // { name: 'check_order_status', title: 'Check order status', description: '...',
 * //   inputSchema: { type: 'object', properties: { order_number: {...} }, required: [...], additionalProperties: false },
 * //   annotations: { readOnlyHint: true, ... } }
 */
export function toMcpTool(action: AgentAction): Tool {
  const definition = toToolDefinition(action.definition);
  return {
    name: definition.name,
    ...(action.definition.displayName ? { title: action.definition.displayName } : {}),
    description: definition.description,
    inputSchema: definition.parameters,
    annotations: toolAnnotationsOf(action),
  };
}
