import { regexCandidates, type SlotCandidate, type TextSpan } from './slot-candidate.js';

/**
 * Times of day in a customer's words, for a parameter that holds a time apart from the date:
 * "7:30pm", "3 pm", "19:30", "noon", "at 7", "seven thirty pm", "half past seven".
 */

/**
 * How a time is written back: `24h` is `19:30`; `12h` is `7:30 PM`.
 *
 * @example
 * const style: TimeStyle = '12h';
 */
export type TimeStyle = '24h' | '12h';

const HOUR_WORDS = [
  'twelve',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
];
const MINUTE_WORDS: Readonly<Record<string, number>> = {
  "o'clock": 0,
  'o’clock': 0,
  'oh five': 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  'twenty-five': 25,
  'twenty five': 25,
  thirty: 30,
  'thirty-five': 35,
  'thirty five': 35,
  forty: 40,
  'forty-five': 45,
  'forty five': 45,
  fifty: 50,
};
const HOUR = `(?:1[0-2]|0?[1-9]|${HOUR_WORDS.join('|')})`;
const MINUTE_WORD = Object.keys(MINUTE_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const MERIDIEM = '(?<meridiem>a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![\\p{L}])';
const PART_OF_DAY =
  '(?<part>in the (?:morning|afternoon|evening)|at night|tonight|this (?:morning|afternoon|evening))';
const START = '(?<![\\p{L}\\p{N}:.,/-])';
const END = '(?![\\p{L}\\p{N}]|[:.]\\d)';

/** `7:30pm`, `7 pm`, `7.30 p.m.`, `seven thirty pm`. */
const WITH_MERIDIEM = new RegExp(
  `${START}(?<hour>${HOUR})(?:(?:[:.](?<minute>[0-5]\\d))|\\s+(?<minuteWord>${MINUTE_WORD}))?\\s*${MERIDIEM}`,
  'giu',
);
/** `19:30`, `7:30`. */
const CLOCK = new RegExp(
  `${START}(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)${END}(?:\\s+${PART_OF_DAY})?`,
  'giu',
);
/** `half past seven`, `quarter to 8`. */
const PAST_TO = new RegExp(
  `${START}(?<offset>half past|quarter past|quarter to|quarter till)\\s+(?<hour>${HOUR})${END}(?:\\s*${MERIDIEM}|\\s+${PART_OF_DAY})?`,
  'giu',
);
/** `noon`, `midday`, `midnight`. */
const NAMED = /(?<![\p{L}])(?<named>noon|midday|midnight)(?![\p{L}])/giu;
/**
 * A bare hour after "at" or "by": `at 7`, `at seven o'clock`, `at seven thirty in the evening`.
 * Without a cue, "for two in the evening" would be a time, not a party of two.
 */
const CUED_HOUR = new RegExp(
  `(?<=(?:\\bat|\\bby)\\s+)(?<hour>${HOUR})(?:\\s+(?<minuteWord>${MINUTE_WORD}))?${END}(?:\\s+${PART_OF_DAY})?`,
  'giu',
);
/** Words after a number that make it a count: "about 12 people", "around 10 of us". */
const COUNTED =
  '(?:of|people|persons|guests|adults|kids|children|items|units|tickets|pieces|boxes|bottles|days|weeks|months|years|minutes|hours|dollars|euros|pounds|percent|times|more|or so)';
/** A bare hour after "around" or "about" not followed by what it counts: "around 7 if you can". */
const AROUND_HOUR = new RegExp(
  `(?<=(?:\\baround|\\babout)\\s+)(?<hour>${HOUR})(?:\\s+(?<minuteWord>${MINUTE_WORD}))?(?:(?=ish(?![\\p{L}]))|${END})(?!\\s*(?:${COUNTED})(?![\\p{L}]))(?:\\s+${PART_OF_DAY})?`,
  'giu',
);
/** A bare hour that is the whole answer to "What time?": `7`, `seven`. */
const WHOLE_HOUR = new RegExp(`^\\s*(?<hour>${HOUR})(?:\\s+(?<minuteWord>o['’]clock))?\\s*[.!]?\\s*$`, 'iu');

function hourOf(word: string): number {
  const index = HOUR_WORDS.indexOf(word.toLowerCase());
  return index >= 0 ? (index === 0 ? 12 : index) : Number(word);
}

/**
 * The hour on a 24-hour clock. With am/pm or a part of the day it is exact; otherwise an hour from
 * 1 to 6 is taken as afternoon (nobody books at 3 in the night), 7 to 12 as written.
 */
function hour24(hour: number, meridiem: string | undefined, part: string | undefined): number {
  const evening = /^p/i.test(meridiem ?? '') || /afternoon|evening|night/i.test(part ?? '');
  const morning = /^a/i.test(meridiem ?? '') || /morning/i.test(part ?? '');
  if (hour > 12) return hour;
  if (evening) return hour === 12 ? 12 : hour + 12;
  if (morning) return hour === 12 ? 0 : hour;
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

/**
 * The time written in `style`: `19:30` or `7:30 PM`.
 *
 * @example
 * formatTime(19, 30, '12h'); // '7:30 PM'
 * formatTime(7, 5, '24h'); // '07:05'
 */
export function formatTime(hour: number, minute: number, style: TimeStyle): string {
  const minutes = String(minute).padStart(2, '0');
  if (style === '24h') return `${String(hour).padStart(2, '0')}:${minutes}`;
  const suffix = hour >= 12 ? 'PM' : 'AM';
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minutes} ${suffix}`;
}

/** A part of the day said shortly before a bare hour: "tomorrow night at eight", "dinner at 7". */
const PART_BEFORE =
  /\b(?:(tonight|night|evening|dinner|supper|afternoon)|(morning|breakfast))\b[^.!?]{0,25}$/iu;

/** "evening" or "morning" when the words just before the time say so, for a bare hour. */
function partSaidBefore(before: string): string | undefined {
  const said = PART_BEFORE.exec(before);
  if (!said) return undefined;
  return said[1] ? 'evening' : 'morning';
}

function readMatch(
  groups: Record<string, string | undefined>,
  style: TimeStyle,
  before: string,
): string | undefined {
  if (groups.named)
    return groups.named.toLowerCase() === 'midnight' ? formatTime(0, 0, style) : formatTime(12, 0, style);
  const hour = hourOf(groups.hour ?? '');
  let minute =
    groups.minute !== undefined
      ? Number(groups.minute)
      : (MINUTE_WORDS[groups.minuteWord?.toLowerCase() ?? ''] ?? 0);
  let base = hour;
  const offset = groups.offset?.toLowerCase();
  if (offset === 'half past') minute = 30;
  else if (offset === 'quarter past') minute = 15;
  else if (offset === 'quarter to' || offset === 'quarter till') {
    minute = 45;
    base = hour === 1 ? 12 : hour - 1;
  }
  const part = groups.part ?? (groups.meridiem === undefined ? partSaidBefore(before) : undefined);
  return formatTime(hour24(base, groups.meridiem, part), minute, style);
}

/**
 * Every time of day in the text, written in `style`. With `asked` (the agent just asked "What
 * time?"), a bare hour that is the whole answer ("7") counts too.
 *
 * @example
 * findTimes('Friday at 7:30pm', '24h'); // [{ value: '19:30', matched: '7:30pm', ... }]
 * findTimes('at 3', '12h'); // [{ value: '3:00 PM', matched: '3', ... }]
 */
export function findTimes(text: string, style: TimeStyle = '24h', asked = false): SlotCandidate[] {
  const read = (match: RegExpExecArray) =>
    readMatch(match.groups ?? {}, style, text.slice(Math.max(0, match.index - 40), match.index));
  const found = [PAST_TO, WITH_MERIDIEM, CLOCK, NAMED, CUED_HOUR, AROUND_HOUR].flatMap((regex) =>
    regexCandidates(text, regex, read, 'time'),
  );
  const whole = asked ? WHOLE_HOUR.exec(text) : null;
  if (whole) found.push(...regexCandidates(text, new RegExp(WHOLE_HOUR.source, 'giu'), read, 'time'));
  return found
    .filter(
      (candidate, index) =>
        !found.some((other, at) => at < index && other.start < candidate.end && candidate.start < other.end),
    )
    .sort((a, b) => a.start - b.start);
}

/**
 * Where the text mentions a time of day: its digits are no quantity.
 *
 * @example
 * findTimeSpans('for 2 at seven thirty pm'); // [{ start: 9, end: 24 }]
 */
export function findTimeSpans(text: string): TextSpan[] {
  return findTimes(text).map(({ start, end }) => ({ start, end }));
}
