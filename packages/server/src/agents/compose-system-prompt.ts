import type { AgentSettings } from '../stores/agent-settings.js';

const DEFAULT_PROMPT = "You are a helpful assistant for this business's customers.";

/** Building an `Intl.DateTimeFormat` costs far more than using one: one per time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The system prompt an LLM gets: the operator's prompt, then the rules every Toolgate agent
 * follows, the language and today's date in the agent's time zone (for "tomorrow").
 */
export function composeSystemPrompt(settings: AgentSettings, now: Date): string {
  const timeZone = settings.timezone ?? 'UTC';
  const today = dayFormat(timeZone).format(now);
  return [
    settings.systemPrompt?.trim() || DEFAULT_PROMPT,
    '',
    'Rules:',
    '- Use the tools to look things up or to act. Answer only from what the tools return; never invent order details, prices, dates or outcomes.',
    '- If a tool needs something the customer has not said, ask for it in one short question. Do not guess values.',
    '- If a tool fails, say so plainly and offer what you can do instead.',
    '- Keep replies short and friendly.',
    settings.language
      ? `- Reply in this language: ${settings.language}.`
      : '- Reply in the language the customer writes in.',
    `- Today is ${today} (time zone ${timeZone}).`,
  ].join('\n');
}
