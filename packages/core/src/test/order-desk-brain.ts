import type { ProtocolConversation, ProtocolToolResult } from './protocol-conversation.js';
import type { ScriptedReply } from './protocol-server.js';

/** Which tool a message asks for, by keyword, among the tools the request offers. */
const INTENTS: Array<{ tool: string; pattern: RegExp }> = [
  { tool: 'cancel_order', pattern: /\bcancel/i },
  { tool: 'check_order_status', pattern: /\b(where|status|track)\b/i },
];
const ORDER_NUMBER = /\bord[-\s]?(\d+)\b/i;
const GIVE_UP = /\bnever ?mind\b|\bforget it\b/i;

function intentOf(text: string, offered: ReadonlySet<string>): string | undefined {
  return INTENTS.find((intent) => offered.has(intent.tool) && intent.pattern.test(text))?.tool;
}

/**
 * The tool the customer wants: named in the last message, or, when the last message only answers
 * a question (it holds an order number and no request), in the latest earlier message that asked.
 */
function chooseTool(conversation: ProtocolConversation): string | undefined {
  const offered = new Set(conversation.tools.map((tool) => tool.name));
  const latest = intentOf(conversation.lastUserText, offered);
  if (latest || !ORDER_NUMBER.test(conversation.lastUserText)) return latest;
  for (const text of conversation.userTexts.slice(0, -1).reverse()) {
    const earlier = intentOf(text, offered);
    if (earlier) return earlier;
  }
  return undefined;
}

function describeResult(result: ProtocolToolResult, conversation: ProtocolConversation): string {
  const content = result.content as {
    ok?: boolean;
    data?: unknown;
    message?: string;
    error?: { message?: string };
  } | null;
  const call = conversation.toolCalls.find((candidate) => candidate.id === result.toolCallId);
  const order = (call?.arguments as { order_number?: string } | undefined)?.order_number ?? 'your order';
  if (content?.ok && content.message) return content.message;
  if (content?.ok && content.data && typeof content.data === 'object') {
    const facts = Object.entries(content.data).map(
      ([key, value]) => `${key.replaceAll('_', ' ')} ${String(value)}`,
    );
    return `Order ${order}: ${facts.join(', ')}.`;
  }
  return `I couldn't do that for ${order}: ${content?.error?.message ?? 'no details'}.`;
}

/**
 * A scripted "LLM" for the order desk, written once for every protocol: it reads the request
 * through {@link ProtocolConversation} and answers like a careful model would. After tool results
 * it says what they hold; a customer giving up is acknowledged; otherwise it proposes the tool the
 * customer asked for with the order number it found (normalized to `ORD-<digits>`), or with no
 * arguments, leaving the question to the turn loop; a message that fits no tool gets the list of
 * what it can do, taken from the tool descriptions in the request.
 */
export function orderDeskBrain(conversation: ProtocolConversation): ScriptedReply {
  if (conversation.toolResultsSinceLastUser.length > 0) {
    return {
      text: conversation.toolResultsSinceLastUser
        .map((result) => describeResult(result, conversation))
        .join(' '),
    };
  }
  if (GIVE_UP.test(conversation.lastUserText)) {
    return { text: 'OK, never mind. Is there anything else I can help with?' };
  }
  const tool = chooseTool(conversation);
  if (!tool) {
    const abilities = conversation.tools.map((candidate) => candidate.description).join(' ');
    return { text: `I'm sorry, I can't help with that. What I can do: ${abilities}` };
  }
  const digits = ORDER_NUMBER.exec(conversation.lastUserText)?.[1];
  return { toolCalls: [{ name: tool, arguments: digits ? { order_number: `ORD-${digits}` } : {} }] };
}
