import type { ChatMessage, ToolCallRequest } from '../../agent/chat-model.js';

/** Ids of calls the embedded agent proposes again after a failure start with this. */
export const RETRY_CALL_PREFIX = 'embedded_retry_';

/** Kinds of a tool message that are not a failed call: nothing was sent, so nothing to retry. */
const NOT_SENT = new Set(['invalid_arguments', 'unknown_action', 'limit_reached', 'skipped']);

const RETRY =
  /\b(?:try (?:it |that |this )?(?:again|once more)|retry|one more (?:time|try|go)|give it another (?:go|try|shot)|have another go|again please|do it again)\b/i;

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}']+/u).filter((word) => word !== '');

/**
 * Whether a short message asks to repeat what just failed: "can you try again?", "retry
 * please", "give it another go". A long message is a new request, even with "again" in it.
 */
export function asksToRetry(text: string): boolean {
  return wordsOf(text).length <= 10 && RETRY.test(text);
}

/**
 * The call that failed just before the customer's last message, if the conversation's last call
 * failed at the endpoint (not a question for a missing value, not a limit).
 */
export function lastFailedCall(messages: readonly ChatMessage[]): ToolCallRequest | undefined {
  return lastCall(messages, true);
}

/**
 * The conversation's last call that reached the endpoint, answered or failed, if no message came
 * between it and the customer's last one: "sorry, I meant UPS" after a lookup redoes it.
 */
export function lastCall(messages: readonly ChatMessage[], failedOnly = false): ToolCallRequest | undefined {
  for (let index = messages.length - 2; index >= 0; index -= 1) {
    const message = messages[index];
    if (!message || message.role === 'user') return undefined;
    if (message.role !== 'tool') continue;
    const content = message.content as {
      ok?: unknown;
      error?: { kind?: unknown };
      awaitingConfirmation?: unknown;
    } | null;
    if (content?.awaitingConfirmation) return undefined;
    if (content?.ok === false && NOT_SENT.has(String(content.error?.kind))) return undefined;
    if (failedOnly && content?.ok !== false) return undefined;
    for (let back = index - 1; back >= 0; back -= 1) {
      const earlier = messages[back];
      if (earlier?.role !== 'assistant') continue;
      const call = earlier.toolCalls?.find((candidate) => candidate.id === message.toolCallId);
      if (call) return call;
    }
    return undefined;
  }
  return undefined;
}

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|greetings|hi there|hello there|hey there)\b/i;
const COURTESY = new Set(
  `hi hello hey hiya howdy yo there good morning afternoon evening day greetings how are you doing
  is it going today all folks team guys friend ok so um uh anyone anybody someone what can could
  do help me i you with for please there's`.split(/\s+/),
);

/**
 * A message that only greets ("hi there!", "Good morning, how are you?"): answered with a
 * greeting and what the agent can do, not with "I didn't get that". "Hi, where is my order?" is
 * a request.
 */
export function isGreeting(text: string): boolean {
  const words = wordsOf(text.toLowerCase());
  return GREETING.test(text.trim()) && words.every((word) => COURTESY.has(word.replace(/'s$/, '')));
}

const THANKS =
  /^(?:(?:ok(?:ay)?|great|perfect|awesome|cool|lovely|brilliant|excellent|nice|super|got it)[\s,.!]*)*(?:thanks?(?: you)?(?: so much| a lot| very much)?|thx|ty|cheers|much appreciated|appreciate it)(?:[\s,.!]+(?:that's (?:great|perfect|all)|for (?:your|the) help|a lot))*[\s,.!:)]*$/i;
const GOODBYE =
  /\b(?:bye|goodbye|good bye|see you|see ya|that's all|thats all|that is all|nothing else|i'm done|im done|have a (?:good|nice|great) (?:day|one|evening))\b/i;

/**
 * A message that only thanks ("great, thanks!") or says goodbye ("that's all, bye!"): answered
 * in kind, never with "I didn't get that".
 *
 * @example
 * closingOf('great, thanks!'); // 'thanks'
 * closingOf("that's all, bye!"); // 'goodbye'
 */
export function closingOf(text: string): 'thanks' | 'goodbye' | undefined {
  const trimmed = text.trim();
  if (wordsOf(trimmed).length > 8) return undefined;
  if (GOODBYE.test(trimmed)) return 'goodbye';
  if (THANKS.test(trimmed)) return 'thanks';
  return undefined;
}
