import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Region assumed for numbers written without a country code, unless the caller says otherwise. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

/** E.164: a plus, a country code and at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/**
 * Turns a phone number as a person typed or said it into E.164, or `undefined` when it is not a
 * valid number for its region (libphonenumber-js metadata: `+1 000 000 0000` has the right shape
 * and is still refused). Numbers without a `+country code` are read in `defaultRegion`. An
 * extension (`ext. 12`) is dropped: E.164 has none.
 *
 * @example
 * normalizePhone('(415) 555-0132'); // '+14155550132'
 * normalizePhone('020 7946 0958', 'GB'); // '+442079460958'
 * normalizePhone('12345'); // undefined
 */
export function normalizePhone(
  text: string,
  defaultRegion: CountryCode = DEFAULT_PHONE_REGION,
): string | undefined {
  const parsed = parsePhoneNumberFromString(text.trim(), { defaultCountry: defaultRegion, extract: false });
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * True when `text` is already a valid number written in E.164, exactly as {@link normalizePhone}
 * writes it: what the `phone` format accepts after normalization.
 *
 * @example
 * isE164PhoneNumber('+14155550132'); // true
 * isE164PhoneNumber('(415) 555-0132'); // false: valid, but not E.164
 * isE164PhoneNumber('+10000000000'); // false: E.164-shaped, but no such number
 */
export function isE164PhoneNumber(text: string): boolean {
  if (!E164_PATTERN.test(text)) return false;
  const parsed = parsePhoneNumberFromString(text);
  return parsed?.isValid() === true && parsed.number === text;
}
