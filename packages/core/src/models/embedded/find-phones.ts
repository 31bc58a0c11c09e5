import { type CountryCode, findNumbers, isSupportedCountry } from 'libphonenumber-js';
import { normalizePhone } from '../../actions/normalize-phone.js';
import type { SlotCandidate, TextSpan } from './slot-candidate.js';

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
 * Every valid phone number in the text, in E.164. Numbers without `+country code` are read in
 * `defaultRegion` (an ISO 3166 code such as `US` or `GB`); numbers that are not valid there are
 * not found. Throws a `RangeError` for an unknown region.
 *
 * @example
 * findPhones('call (415) 555-0132 after 5', 'US'); // [{ value: '+14155550132', matched: '(415) 555-0132', ... }]
 * findPhones('ring 020 7946 0958', 'GB'); // [{ value: '+442079460958', ... }]
 */
export function findPhones(text: string, defaultRegion: string): SlotCandidate[] {
  const region = toCountryCode(defaultRegion);
  const candidates: SlotCandidate[] = [];
  for (const found of findNumbers(text, { defaultCountry: region, v2: true })) {
    const matched = text.slice(found.startsAt, found.endsAt);
    const value = normalizePhone(matched, region);
    if (value === undefined) continue;
    candidates.push({ value, matched, start: found.startsAt, end: found.endsAt, kind: 'phone' });
  }
  return candidates;
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
