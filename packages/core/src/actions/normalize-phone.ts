import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Region assumed for numbers written without a country code, unless the caller says otherwise. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

/** E.164: a plus, a country code and at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/**
 * Turns a phone number as a person typed or said it into E.164, or `undefined` when it is not a
 * valid number.
 *
 * @example
 * normalizePhone('(415) 555-0132'); // '+14155550132'
 * normalizePhone('020 7946 0958', 'GB'); // '+442079460958'
 */
export function normalizePhone(
  text: string,
  defaultRegion: CountryCode = DEFAULT_PHONE_REGION,
): string | undefined {
  const parsed = parsePhoneNumberFromString(text.trim(), { defaultCountry: defaultRegion, extract: false });
  return parsed?.isValid() ? parsed.number : undefined;
}
