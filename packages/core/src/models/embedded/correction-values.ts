import type { ParametersSchema } from '../../actions/action-definition.js';
import { humanize } from '../../agent/humanize.js';
import type { ExtractedSlots } from './extract-slots.js';
import type { SlotKind } from './slot-candidate.js';

/** Values a change of an earlier answer may bring by themselves: they say what they are. */
const SELF_EVIDENT: ReadonlySet<SlotKind> = new Set([
  'email',
  'phone',
  'date',
  'date-time',
  'time',
  'pattern',
  'example-shape',
  'enum',
  'enum-synonym',
  'number',
  'id',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The value a correction gives for a parameter it names in words: "change the name to Dana
 * Whitfield" gives "Dana Whitfield" for `name`.
 */
function namedValue(text: string, parameter: string): string | undefined {
  const words = humanize(parameter).toLowerCase();
  const last = words.split(' ').at(-1) ?? words;
  const match = new RegExp(
    `\\b(?:${escapeRegExp(words)}|${escapeRegExp(last)})\\b\\s*(?:should be|to|is|as|:|=)\\s+(.+?)\\s*(?:[,.;!?]|$)`,
    'iu',
  ).exec(text);
  const value = match?.[1]?.replace(/^(?:be|it's|its|it is)\s+/i, '').trim();
  return value ? value : undefined;
}

/**
 * What a change of earlier answers ("actually make it 4pm", "can you change the name to Dana
 * Whitfield", "yes but make it 6 people") sets: values that say what they are (a time, a phone,
 * a number, an enum value, an id of its shape), and a free-text or name value only for the
 * parameter the customer names. A guessed name ("make it") or a reply read as free text never
 * replaces what was said before.
 */
export function correctionValues(
  text: string,
  found: ExtractedSlots,
  parameters: ParametersSchema,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const entry of found.evidence) {
    // "we're 5 now" says nothing of the day.
    if ((entry.kind === 'date' || entry.kind === 'date-time') && /^\s*now\s*$/i.test(entry.matched)) continue;
    if (SELF_EVIDENT.has(entry.kind) && entry.parameter in found.values)
      values[entry.parameter] = found.values[entry.parameter];
  }
  for (const [name, schema] of Object.entries(parameters.properties)) {
    if (values[name] !== undefined || schema.type !== 'string' || schema.enum || schema.format) continue;
    const named = namedValue(text, name);
    if (named) values[name] = named;
  }
  return values;
}
