import { type ProtocolConversation, readAnthropicConversation } from './protocol-conversation.js';
import {
  type ProtocolDialect,
  type ProtocolServer,
  type ReplyFunction,
  roughTokens,
  startProtocolServer,
} from './protocol-server.js';

/** What an Anthropic-protocol reply function gets besides the body. */
export interface AnthropicReplyContext {
  conversation: ProtocolConversation;
}

export type AnthropicProtocolServer = ProtocolServer<AnthropicReplyContext>;

/** The Anthropic Messages wire format (non-streaming). */
export const ANTHROPIC_DIALECT: ProtocolDialect<AnthropicReplyContext> = {
  path: '/messages',
  context: (body) => ({ conversation: readAnthropicConversation(body) }),
  success(reply, body, sequence) {
    const content: object[] = [];
    if (reply.text) content.push({ type: 'text', text: reply.text });
    (reply.toolCalls ?? []).forEach((call, index) => {
      content.push({
        type: 'tool_use',
        id: `toolu_${sequence}_${index + 1}`,
        name: call.name,
        input: call.arguments,
      });
    });
    return {
      id: `msg_${sequence}`,
      type: 'message',
      role: 'assistant',
      model: (body as { model?: unknown }).model ?? 'unknown',
      content,
      stop_reason: reply.toolCalls?.length ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: roughTokens(body), output_tokens: roughTokens(content) },
    };
  },
  error: (_status, message, type) => ({ type: 'error', error: { type: type ?? 'api_error', message } }),
};

/**
 * Starts a local server speaking Anthropic's Messages API (`POST /v1/messages`, non-streaming) on
 * 127.0.0.1: the real `@ai-sdk/anthropic` provider accepts its answers. `reply` decides each
 * answer (text, tool calls, an error, a raw body, a delay); it defaults to echoing the last user
 * text.
 *
 * @example
 * const server = await startAnthropicProtocolServer(() => ({ toolCalls: [{ name: 'check_order_status', arguments: {} }] }));
 * createLlmModel({ provider: 'anthropic', model: 'claude-haiku-4-5', apiKey: 'k', baseUrl: server.url, fetch });
 */
export function startAnthropicProtocolServer(
  reply: ReplyFunction<AnthropicReplyContext> = (_body, { conversation }) => ({
    text: `You said: ${conversation.lastUserText}`,
  }),
): Promise<AnthropicProtocolServer> {
  return startProtocolServer(ANTHROPIC_DIALECT, reply);
}
