import { type CountryCode, findNumbers, isSupportedCountry } from 'libphonenumber-js';
import { normalizePhone } from '../../actions/normalize-phone.js';
import { recentResults } from './recent-results.js';
import { overlapsAny, type SlotCandidate, type TextSpan } from './slot-candidate.js';
import { type DigitPiece, digitsOfRun, findSpokenDigitRuns } from './spoken-digits.js';

/**
 * The region, checked: libphonenumber-js would otherwise ignore an unknown one and read national
 * numbers as nothing.
 *
 * @example
 * toCountryCode('gb'); // 'GB'
 * toCountryCode('XX'); // throws RangeError
 */
export function toCountryCode(region: string): CountryCode {
  const upper = region.toUpperCase();
  if (!isSupportedCountry(upper)) throw new RangeError(`Unknown phone region: ${region}`);
  return upper;
}

/**
 * Every valid phone number in the text, in E.164, typed (`(415) 555-0132`) or said in words
 * ("four one five, five five five, oh one three two"). Numbers without `+country code` are read in
 * `defaultRegion` (an ISO 3166 code such as `US` or `GB`); numbers that are not valid there are
 * not found. Throws a `RangeError` for an unknown region.
 *
 * @example
 * findPhones('call (415) 555-0132 after 5', 'US'); // [{ value: '+14155550132', matched: '(415) 555-0132', ... }]
 * findPhones('ring 020 7946 0958', 'GB'); // [{ value: '+442079460958', ... }]
 */
export function findPhones(text: string, defaultRegion: string): SlotCandidate[] {
  return [...recentPhones(text, defaultRegion)];
}

/** libphonenumber's reading of a message, kept for the next reads of the same message in the turn. */
const recentPhones = recentResults(16, (text: string, region: string) => `${region}|${text}`, readPhones);

function readPhones(text: string, defaultRegion: string): readonly SlotCandidate[] {
  const region = toCountryCode(defaultRegion);
  const candidates: SlotCandidate[] = [];
  for (const found of findNumbers(text, { defaultCountry: region, v2: true })) {
    const matched = text.slice(found.startsAt, found.endsAt);
    const value = normalizePhone(matched, region);
    if (value === undefined) continue;
    candidates.push({ value, matched, start: found.startsAt, end: found.endsAt, kind: 'phone' });
  }
  for (const run of findSpokenDigitRuns(text)) {
    const phone = spokenPhone(text, run, region);
    if (phone && !overlapsAny(phone, candidates)) candidates.push(phone);
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/**
 * The phone number a run of said digits holds: the whole run, or the longest part of it that is
 * a valid number once a few pieces are left off either end ("for two, two one two five five five
 * ..." is a party of two and a number).
 */
function spokenPhone(
  text: string,
  run: readonly DigitPiece[],
  region: CountryCode,
): SlotCandidate | undefined {
  const plus = /\b(?:plus|\+)\s*$/i.exec(text.slice(Math.max(0, (run[0]?.start ?? 0) - 6), run[0]?.start));
  for (let dropped = 0; dropped <= Math.min(3, run.length - 1); dropped += 1) {
    for (let head = 0; head <= dropped; head += 1) {
      const part = run.slice(head, run.length - (dropped - head));
      const first = part[0];
      const last = part.at(-1);
      if (!first || !last || !part.some((piece) => piece.word)) continue;
      const digits = digitsOfRun(part);
      if (digits.length < 7) continue;
      const value = normalizePhone(`${head === 0 && plus ? '+' : ''}${digits}`, region);
      if (value !== undefined) {
        return {
          value,
          matched: text.slice(first.start, last.end),
          start: first.start,
          end: last.end,
          kind: 'phone',
        };
      }
    }
  }
  return undefined;
}

/**
 * Where the text holds phone numbers valid in `defaultRegion`; none for an unknown region. Digits
 * inside these are not quantities.
 *
 * @example
 * findPhoneSpans('2 tickets, call 415-555-0132', 'US'); // [{ start: 16, end: 28 }]
 */
export function findPhoneSpans(text: string, defaultRegion: string): TextSpan[] {
  if (!isSupportedCountry(defaultRegion.toUpperCase())) return [];
  return findPhones(text, defaultRegion).map(({ start, end }) => ({ start, end }));
}
