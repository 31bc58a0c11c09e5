/** A tool result found in a request, with the name of the call it answers. */
export interface ProtocolToolResult {
  toolCallId: string;
  /** From the assistant's tool call with the same id; `undefined` if the request lacks it. */
  toolName: string | undefined;
  /** The result parsed as JSON when it is JSON, the text otherwise. */
  content: unknown;
}

/** A tool call the assistant made earlier in the request's history. */
export interface ProtocolToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

/** One request of either protocol, read the same way, so a scripted brain is written once. */
export interface ProtocolConversation {
  system: string;
  /** The tools offered, with their JSON Schemas. */
  tools: Array<{ name: string; description: string; parameters: unknown }>;
  /** Every user text, oldest first (tool results are not user texts). */
  userTexts: string[];
  /** The customer's latest message: `''` when there is none. */
  lastUserText: string;
  toolCalls: ProtocolToolCall[];
  /** Every tool result in the request, oldest first. */
  toolResults: ProtocolToolResult[];
  /** The results that came after the last user text: this turn's calls, answered. */
  toolResultsSinceLastUser: ProtocolToolResult[];
}

/** The protocols the test servers speak. */
export type ModelProtocol = 'openai' | 'anthropic';

type Json = Record<string, unknown>;

const asRecord = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Text of a content that is a string or a list of `{ type: 'text', text }` blocks. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((block) => asRecord(block))
    .filter((block) => block.type === 'text')
    .map((block) => asString(block.text))
    .join('');
}

/** Collects user texts and tool results in order; a user text starts a new turn. */
class ConversationBuilder {
  readonly view: ProtocolConversation;

  constructor(system: string, tools: ProtocolConversation['tools']) {
    this.view = {
      system,
      tools,
      userTexts: [],
      lastUserText: '',
      toolCalls: [],
      toolResults: [],
      toolResultsSinceLastUser: [],
    };
  }

  userText(text: string): void {
    this.view.userTexts.push(text);
    this.view.lastUserText = text;
    this.view.toolResultsSinceLastUser = [];
  }

  toolCall(call: ProtocolToolCall): void {
    this.view.toolCalls.push(call);
  }

  toolResult(toolCallId: string, content: unknown): void {
    const toolName = this.view.toolCalls.find((call) => call.id === toolCallId)?.name;
    const result = { toolCallId, toolName, content };
    this.view.toolResults.push(result);
    this.view.toolResultsSinceLastUser.push(result);
  }
}

/**
 * Reads an OpenAI Chat Completions request body: system (or developer) messages, user messages,
 * assistant `tool_calls` and `tool` messages.
 */
export function readOpenAIConversation(body: unknown): ProtocolConversation {
  const request = asRecord(body);
  const messages = asArray(request.messages).map(asRecord);
  const system = messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => textOf(message.content))
    .join('\n');
  const tools = asArray(request.tools).map((entry) => {
    const fn = asRecord(asRecord(entry).function);
    return { name: asString(fn.name), description: asString(fn.description), parameters: fn.parameters };
  });
  const builder = new ConversationBuilder(system, tools);
  for (const message of messages) {
    if (message.role === 'user') builder.userText(textOf(message.content));
    if (message.role === 'assistant') {
      for (const call of asArray(message.tool_calls).map(asRecord)) {
        const fn = asRecord(call.function);
        builder.toolCall({
          id: asString(call.id),
          name: asString(fn.name),
          arguments: parseMaybeJson(asString(fn.arguments)),
        });
      }
    }
    if (message.role === 'tool') {
      builder.toolResult(asString(message.tool_call_id), parseMaybeJson(textOf(message.content)));
    }
  }
  return builder.view;
}

/**
 * Reads an Anthropic Messages request body: `system` (string or text blocks), user text and
 * `tool_result` blocks, assistant `tool_use` blocks.
 */
export function readAnthropicConversation(body: unknown): ProtocolConversation {
  const request = asRecord(body);
  const tools = asArray(request.tools).map((entry) => {
    const tool = asRecord(entry);
    return {
      name: asString(tool.name),
      description: asString(tool.description),
      parameters: tool.input_schema,
    };
  });
  const builder = new ConversationBuilder(textOf(request.system), tools);
  for (const message of asArray(request.messages).map(asRecord)) {
    const blocks =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : asArray(message.content);
    for (const block of blocks.map(asRecord)) {
      if (message.role === 'user' && block.type === 'text') builder.userText(asString(block.text));
      if (message.role === 'user' && block.type === 'tool_result') {
        builder.toolResult(asString(block.tool_use_id), parseMaybeJson(textOf(block.content)));
      }
      if (message.role === 'assistant' && block.type === 'tool_use') {
        builder.toolCall({ id: asString(block.id), name: asString(block.name), arguments: block.input });
      }
    }
  }
  return builder.view;
}

/**
 * Reads a request body of either protocol into the same shape.
 *
 * @example
 * const brain = (conversation: ProtocolConversation) =>
 *   conversation.toolResultsSinceLastUser.length > 0 ? { text: 'Done.' } : { toolCalls: [...] };
 * startOpenAIProtocolServer((body) => brain(readConversation('openai', body)));
 */
export function readConversation(protocol: ModelProtocol, body: unknown): ProtocolConversation {
  return protocol === 'openai' ? readOpenAIConversation(body) : readAnthropicConversation(body);
}
