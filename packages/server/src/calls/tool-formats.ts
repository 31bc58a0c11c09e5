import {
  type ActionDefinition,
  type ToolDefinition,
  toOpenAIStrictToolDefinition,
  toToolDefinition,
} from '@toolgate/core';

/** The tool formats of other agent stacks the tools API speaks. */
export const TOOL_FORMATS = ['openai', 'anthropic'] as const;
export type ToolFormat = (typeof TOOL_FORMATS)[number];

/** OpenAI's function-calling tool (Chat Completions `tools[]`). */
export interface OpenAITool {
  type: 'function';
  function: { name: string; description: string; parameters: ToolDefinition['parameters']; strict?: true };
}

/** Anthropic's Messages API tool. */
export interface AnthropicTool {
  name: string;
  description: string;
  input_schema: ToolDefinition['parameters'];
}

/**
 * An action as another agent stack's tool, from core's tool definition (the same one Toolgate's
 * own agent offers a model). `strict` (OpenAI only) uses core's strict variant: every property
 * required, optional ones nullable; a null argument reads as "not given" when the call comes back.
 *
 * @example
 * toExternalTool(definition, 'anthropic');
 * // { name: 'check_order_status', description: 'Look up...', input_schema: { type: 'object', ... } }
 */
export function toExternalTool(
  definition: ActionDefinition,
  format: ToolFormat,
  options: { strict?: boolean } = {},
): OpenAITool | AnthropicTool {
  if (format === 'anthropic') {
    const tool = toToolDefinition(definition);
    return { name: tool.name, description: tool.description, input_schema: tool.parameters };
  }
  if (options.strict) {
    const tool = toOpenAIStrictToolDefinition(definition);
    return {
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.parameters, strict: true },
    };
  }
  const tool = toToolDefinition(definition);
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}
