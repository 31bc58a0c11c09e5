import type { ActionDefinition } from '../../actions/action-definition.js';
import { humanize } from '../../agent/humanize.js';
import type { SlotEvidence } from './extract-slots.js';
import type { IntentResult } from './intent/index.js';
import { tokenizeDetailed } from './intent/tokenize.js';
import type { SlotKind } from './slot-candidate.js';

const HOW_READ: Partial<Record<SlotKind, string>> = {
  pattern: 'it matches the parameter’s pattern',
  'example-shape': 'it has the shape of the parameter’s examples',
  id: 'it looks like an id',
  email: 'an email address',
  phone: 'a phone number',
  date: 'a date',
  'date-time': 'a date and time',
  time: 'a time',
  enum: 'one of the allowed values',
  'enum-synonym': 'a word for one of the allowed values',
  number: 'a number',
  boolean: 'a yes or no',
  'person-name': 'a person’s name',
  'free-text': 'the customer’s own words',
};

const quote = (text: string) => `“${text}”`;

/** One matched label of the intent scorer in the customer's words: `wher=>status` is where (for status). */
function inWords(label: string, wordOf: ReadonlyMap<string, string>): string {
  const phrase = /^phrase[:~]"(.*)"$/.exec(label);
  if (phrase) return `the phrase ${quote(phrase[1] ?? '')}${label.startsWith('phrase~') ? ' (in part)' : ''}`;
  if (label.startsWith('entity:')) return `a value of the kind ${humanize(label.slice('entity:'.length))}`;
  const typo = /^(.+)~(.+)$/.exec(label);
  if (typo) return `${quote(typo[1] ?? '')} (read as a typo)`;
  const related = /^(.+)=>(.+)$/.exec(label);
  if (related)
    return `${quote(wordOf.get(related[1] ?? '') ?? related[1] ?? '')} (a word related to ${quote(related[2] ?? '')})`;
  return quote(wordOf.get(label) ?? label);
}

/**
 * The embedded agent's decision in sentences an operator reads in the debug view, in the
 * customer's words (never stems): which action and why, which ones were close, and how each value
 * was read.
 *
 * @example
 * explainDecision('where is ORD-1?', scored, actions, evidence);
 * // ['Chose “Check order status” (score 0.72): the message says “where” (a word related to “status”), “order”.', ...]
 */
export function explainDecision(
  message: string,
  scored: IntentResult,
  actions: ReadonlyMap<string, ActionDefinition>,
  evidence: readonly SlotEvidence[] = [],
  byValues?: string,
): string[] {
  const wordOf = new Map(tokenizeDetailed(message).map((token) => [token.stem, token.word]));
  const title = (name: string) => quote(actions.get(name)?.displayName ?? humanize(name));
  const said = (name: string) => {
    const entry = scored.scores.find((score) => score.name === name);
    const words = (entry?.matched ?? []).map((label) => inWords(label, wordOf));
    return words.length > 0 ? words.join(', ') : 'no word of it';
  };
  const [best] = scored.scores;
  const lines: string[] = [];
  if (byValues) {
    lines.push(
      `Chose ${title(byValues)}: the words fit several actions, and only its parameters take the values given.`,
    );
  } else if (scored.best) {
    const score = scored.scores.find((entry) => entry.name === scored.best)?.score ?? 0;
    lines.push(
      `Chose ${title(scored.best)} (score ${score.toFixed(2)}): the message says ${said(scored.best)}.`,
    );
  } else if (scored.reason === 'ambiguous') {
    const names = scored.contenders ?? [];
    lines.push(
      `${names.map(title).join(' and ')} fit about equally well, so the agent asks which one is meant (${names.map((name) => `${title(name)}: ${said(name)}`).join('; ')}).`,
    );
  } else if (scored.reason === 'off_topic' && best) {
    lines.push(
      `Only ${said(best.name)} fits ${title(best.name)}; the rest of the message is about something none of the actions does.`,
    );
  } else if (best && best.score > 0) {
    lines.push(
      `No action fits well enough: the closest, ${title(best.name)}, scored ${best.score.toFixed(2)} (${said(best.name)}).`,
    );
  } else if (scored.reason !== 'no_candidates') {
    lines.push('No word of the message fits any action.');
  }
  for (const entry of evidence) {
    if (entry.kind === 'ambiguous') {
      lines.push(
        `Found more than one ${humanize(entry.parameter)} (${quote(entry.matched)}), so none was taken.`,
      );
      continue;
    }
    lines.push(
      `Read ${humanize(entry.parameter)} = ${String(entry.value)} from ${quote(entry.matched)}: ${HOW_READ[entry.kind] ?? entry.kind}.`,
    );
  }
  return lines;
}
