import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import {
  type AgentAction,
  PARAMETER_FORMATS,
  PARAMETER_TYPES,
  type ParameterSchema,
  type ParametersSchema,
} from '@toolgate/core';
import type { OfferedRemoteTool } from './remote-tool-catalog.js';

/** Whether a remote server's tools are confirmed by the customer before a call. */
export const REMOTE_CONFIRMATION_POLICIES = ['auto', 'always', 'never'] as const;
export type RemoteConfirmation = (typeof REMOTE_CONFIRMATION_POLICIES)[number];

/**
 * Whether a call of the tool is read back to the customer first. `auto` follows the tool's
 * annotations with the MCP spec's defaults: a tool not marked `readOnlyHint: true` is taken as
 * destructive unless it says `destructiveHint: false`. Hints are the server's word, not a guarantee:
 * `always` asks for every tool of the server.
 */
export function remoteNeedsConfirmation(
  policy: RemoteConfirmation,
  annotations: Tool['annotations'] | undefined,
): boolean {
  if (policy === 'always') return true;
  if (policy === 'never') return false;
  if (annotations?.readOnlyHint === true) return false;
  return annotations?.destructiveHint !== false;
}

/**
 * The top-level properties of a remote `inputSchema` as action parameters (type, enum,
 * description, a known format, required), so that a missing one is asked for and the embedded
 * model can fill it; `undefined` when a property is not a scalar of one type (an object, an
 * array, a union): such a tool's arguments are the model's and the server's to check.
 */
export function remoteParameters(inputSchema: Tool['inputSchema']): ParametersSchema | undefined {
  const properties: Record<string, ParameterSchema> = {};
  for (const [name, raw] of Object.entries(inputSchema.properties ?? {})) {
    const schema = raw as Record<string, unknown> | null;
    if (schema === null || typeof schema !== 'object') return undefined;
    const type = schema.type;
    if (typeof type !== 'string' || !(PARAMETER_TYPES as readonly string[]).includes(type)) return undefined;
    const parameter: ParameterSchema = { type: type as ParameterSchema['type'] };
    if (typeof schema.description === 'string') parameter.description = schema.description;
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter(
        (value): value is string | number => typeof value === 'string' || typeof value === 'number',
      );
      if (values.length !== schema.enum.length || values.length === 0) return undefined;
      parameter.enum = values;
    }
    if (
      typeof schema.format === 'string' &&
      schema.format !== 'phone' &&
      (PARAMETER_FORMATS as readonly string[]).includes(schema.format)
    ) {
      parameter.format = schema.format as ParameterSchema['format'];
    }
    properties[name] = parameter;
  }
  const required = (inputSchema.required ?? []).filter((name) => name in properties);
  if (required.length !== (inputSchema.required ?? []).length) return undefined;
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/**
 * A remote tool as the conversation loop treats an action: its confirmation and, when its
 * parameters are scalars, their checks and questions. Only the loop and the embedded model read it;
 * the call itself is the remote tool's (`url` names the server, it is never dialled from here).
 */
export function remoteToolAction(offered: OfferedRemoteTool, server: { url: string }): AgentAction {
  const parameters = remoteParameters(offered.inputSchema);
  return {
    definition: {
      name: offered.name,
      // What the customer hears ("Just to confirm: I'll cancel order ..."), never the prefix.
      displayName: offered.title ?? offered.remoteName.replaceAll('_', ' '),
      description: offered.description,
      url: server.url,
      ...(parameters ? { parameters } : {}),
    },
    confirmation: offered.confirm ? 'always' : 'never',
  };
}
