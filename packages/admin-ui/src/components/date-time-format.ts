/**
 * The app's one date format: day, month and year, hours and minutes, in the reader's locale and
 * time zone ("6 Dec 2026, 22:31" in en-GB, "Dec 6, 2026, 10:31 PM" in en-US). Every page shows
 * times through this (the `DateTime` component adds the exact ISO instant as a tooltip). Text
 * that does not parse as a time is returned as it came.
 */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
