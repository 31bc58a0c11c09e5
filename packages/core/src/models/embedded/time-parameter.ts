import type { ParameterSchema } from '../../actions/action-definition.js';
import { matchesPattern } from './find-pattern-tokens.js';
import { formatTime, type TimeStyle } from './find-times.js';
import { nameWords } from './parameter-name.js';

/** Examples that are times of day: `19:30`, `7:30 PM`, `9am`. */
const TIME_EXAMPLE = /^(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?$/i;
/** A description that says the value is a time of day: "Time of the booking", "HH:MM". */
const TIME_DESCRIPTION =
  /^\s*(?:the\s+)?(?:[\p{L}-]+\s+)?time\b(?!\s*zone)|\bhh:mm\b|\btime of (?:day|the)\b/iu;

function timeExamples(schema: ParameterSchema): string[] {
  return (schema.examples ?? []).filter((example): example is string => typeof example === 'string');
}

/**
 * True when a plain string parameter holds a time of day apart from the date: named `time` or
 * `*_time` (`start_time`, `appointmentTime`, not `timezone`), described as a time ("Time of the
 * booking", "HH:MM"), or with examples that are times (`19:30`).
 *
 * @example
 * isTimeParameter('time', { type: 'string' }); // true
 * isTimeParameter('time_zone', { type: 'string' }); // false
 */
export function isTimeParameter(name: string, schema: ParameterSchema): boolean {
  const words = nameWords(name);
  if (words.includes('date') || words.includes('datetime')) return false;
  if (words.at(-1) === 'time' || (words.length === 1 && words[0] === 'hour')) return true;
  if (words.includes('zone') || words.includes('timezone')) return false;
  const examples = timeExamples(schema);
  if (examples.length > 0 && examples.every((example) => TIME_EXAMPLE.test(example.trim()))) return true;
  return TIME_DESCRIPTION.test(schema.description ?? '');
}

/**
 * How to write the time back: the way the parameter's `pattern` accepts (`^\d{2}:\d{2}$` is
 * `19:30`), else as the examples do when they use am/pm (`7:30 PM`), else `19:30`; `undefined`
 * when the pattern accepts neither.
 *
 * @example
 * timeStyleOf({ type: 'string', examples: ['7:30 PM'] }); // '12h'
 * timeStyleOf({ type: 'string' }); // '24h'
 */
export function timeStyleOf(schema: ParameterSchema): TimeStyle | undefined {
  const preferred: TimeStyle = timeExamples(schema).some((example) => /[ap]\.?m\.?\s*$/i.test(example))
    ? '12h'
    : '24h';
  const { pattern } = schema;
  if (pattern === undefined) return preferred;
  const accepts = (style: TimeStyle) =>
    [formatTime(7, 5, style), formatTime(19, 30, style)].every((time) => matchesPattern(time, pattern));
  const other: TimeStyle = preferred === '12h' ? '24h' : '12h';
  return [preferred, other].find(accepts);
}
