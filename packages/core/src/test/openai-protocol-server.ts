import { type ProtocolConversation, readOpenAIConversation } from './protocol-conversation.js';
import {
  type ProtocolDialect,
  type ProtocolServer,
  type ReplyFunction,
  roughTokens,
  type ScriptedReply,
  startProtocolServer,
} from './protocol-server.js';

/** What an OpenAI-protocol reply function gets besides the body. */
export interface OpenAIReplyContext {
  conversation: ProtocolConversation;
}

export type OpenAIProtocolServer = ProtocolServer<OpenAIReplyContext>;

function toolCallsOf(reply: ScriptedReply, sequence: number) {
  return (reply.toolCalls ?? []).map((call, index) => ({
    id: `call_${sequence}_${index + 1}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
}

/** The OpenAI Chat Completions wire format (non-streaming). */
export const OPENAI_DIALECT: ProtocolDialect<OpenAIReplyContext> = {
  path: '/chat/completions',
  context: (body) => ({ conversation: readOpenAIConversation(body) }),
  success(reply, body, sequence) {
    const toolCalls = toolCallsOf(reply, sequence);
    const promptTokens = roughTokens(body);
    const completionTokens = roughTokens(reply.text) + roughTokens(toolCalls);
    return {
      id: `chatcmpl-${sequence}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: (body as { model?: unknown }).model ?? 'unknown',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.text ?? null,
            ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          },
          logprobs: null,
          finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    };
  },
  error: (_status, message, type) => ({
    error: { message, type: type ?? 'invalid_request_error', param: null, code: null },
  }),
};

/**
 * Starts a local server speaking OpenAI's Chat Completions API (`POST /v1/chat/completions`,
 * non-streaming) on 127.0.0.1: the real `@ai-sdk/openai` and `@ai-sdk/openai-compatible`
 * providers accept its answers. `reply` decides each answer (text, tool calls, an error, a raw
 * body, a delay); it defaults to echoing the last user text.
 *
 * @example
 * const server = await startOpenAIProtocolServer((_body, { conversation }) => ({ text: `You said ${conversation.lastUserText}` }));
 * createLlmModel({ provider: 'openai', model: 'gpt-4o-mini', apiKey: 'k', baseUrl: server.url, fetch });
 */
export function startOpenAIProtocolServer(
  reply: ReplyFunction<OpenAIReplyContext> = (_body, { conversation }) => ({
    text: `You said: ${conversation.lastUserText}`,
  }),
): Promise<OpenAIProtocolServer> {
  return startProtocolServer(OPENAI_DIALECT, reply);
}
