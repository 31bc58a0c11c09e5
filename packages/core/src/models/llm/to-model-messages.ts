import type { JSONValue, ModelMessage, TextPart, ToolCallPart, ToolResultPart } from 'ai';
import type { ChatMessage } from '../../agent/chat-model.js';

/** A tool result as the SDK sends it: text as is, anything else as JSON (undefined becomes null). */
export function toToolResultOutput(content: unknown): ToolResultPart['output'] {
  if (typeof content === 'string') return { type: 'text', value: content };
  try {
    return { type: 'json', value: JSON.parse(JSON.stringify(content ?? null)) as JSONValue };
  } catch {
    // A cycle or a BigInt: the model still gets something readable.
    return { type: 'text', value: String(content) };
  }
}

/**
 * Our provider-neutral messages as the AI SDK's `ModelMessage`s: an assistant message's text and
 * tool calls become text and `tool-call` parts (empty text is left out: Anthropic refuses empty
 * text blocks), and each run of consecutive `tool` messages becomes ONE tool message with a
 * `tool-result` part per call (Anthropic wants all results of a step in the next user turn).
 *
 * @example
 * toModelMessages([
 *   { role: 'user', content: 'Where is ORD-1?' },
 *   { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'check_order_status', arguments: { order_number: 'ORD-1' } }] },
 *   { role: 'tool', toolCallId: 'c1', toolName: 'check_order_status', content: { ok: true } },
 * ]);
 * // [{ role: 'user', content: 'Where is ORD-1?' },
 * //  { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'check_order_status', input: { order_number: 'ORD-1' } }] },
 * //  { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'check_order_status', output: { type: 'json', value: { ok: true } } }] }]
 */
export function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  const converted: ModelMessage[] = [];
  for (const message of messages) {
    if (message.role === 'user') {
      converted.push({ role: 'user', content: message.content });
    } else if (message.role === 'assistant') {
      const parts: Array<TextPart | ToolCallPart> = [];
      if (message.content.trim() !== '') parts.push({ type: 'text', text: message.content });
      for (const call of message.toolCalls ?? []) {
        parts.push({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
      }
      if (parts.length > 0) converted.push({ role: 'assistant', content: parts });
    } else {
      const part: ToolResultPart = {
        type: 'tool-result',
        toolCallId: message.toolCallId,
        toolName: message.toolName,
        output: toToolResultOutput(message.content),
      };
      const previous = converted.at(-1);
      if (previous?.role === 'tool') previous.content.push(part);
      else converted.push({ role: 'tool', content: [part] });
    }
  }
  return converted;
}
