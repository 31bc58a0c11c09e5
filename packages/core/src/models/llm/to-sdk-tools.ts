import { type JSONSchema7, jsonSchema, type ToolSet, tool } from 'ai';
import type { ToolDefinition } from '../../actions/to-tool-definition.js';

/**
 * Our tool definitions as AI SDK tools, WITHOUT `execute`: the SDK hands the model's calls back
 * instead of running them, and the turn loop validates, confirms and makes them. No input
 * validation here either: a call with missing or invalid arguments must reach the loop, which
 * turns it into a question for the customer.
 *
 * @example
 * toSdkTools([toToolDefinition(action)]); // { check_order_status: { description, inputSchema } }
 */
export function toSdkTools(definitions: readonly ToolDefinition[]): ToolSet {
  const tools: ToolSet = {};
  for (const definition of definitions) {
    tools[definition.name] = tool({
      description: definition.description,
      inputSchema: jsonSchema<Record<string, unknown>>(structuredClone(definition.parameters) as JSONSchema7),
    });
  }
  return tools;
}
