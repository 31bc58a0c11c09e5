import * as chrono from 'chrono-node';
import { type DateReference, normalizeDate, normalizeDateTime } from '../../actions/normalize-date.js';
import type { SlotCandidate, TextSpan } from './slot-candidate.js';

/**
 * Where the text mentions a date or time ("tomorrow at 3pm", "March 3rd", "2026-03-25"), as
 * chrono reads it. Numbers inside these are not quantities.
 *
 * @example
 * findDateSpans('table for 4 on March 3rd', new Date('2026-03-20T10:00:00Z')); // [{ start: 15, end: 24 }]
 */
export function findDateSpans(text: string, referenceDate: Date): TextSpan[] {
  return chrono.parse(text, referenceDate).map((result) => ({
    start: result.index,
    end: result.index + result.text.length,
  }));
}

/**
 * Every date (`date`: `YYYY-MM-DD`) or date and time (`date-time`: ISO 8601 with the offset of
 * `reference.timezone` on that date) mentioned in the text, read relative to
 * `reference.referenceDate` by the action model's own normalizers. A date-time needs a time of
 * day: "March 3rd" alone is no date-time. Throws a `RangeError` for an unknown time zone.
 *
 * @example
 * const reference = { referenceDate: new Date('2026-03-20T10:00:00Z'), timezone: 'America/New_York' };
 * findDates('tomorrow at 3pm works', 'date-time', reference); // [{ value: '2026-03-21T15:00:00-04:00', matched: 'tomorrow at 3pm', ... }]
 * findDates('next Friday', 'date', reference); // [{ value: '2026-03-27', ... }]
 */
export function findDates(
  text: string,
  format: 'date' | 'date-time',
  reference: DateReference,
): SlotCandidate[] {
  const candidates: SlotCandidate[] = [];
  for (const span of findDateSpans(text, reference.referenceDate)) {
    const matched = text.slice(span.start, span.end);
    const value =
      format === 'date' ? normalizeDate(matched, reference) : normalizeDateTime(matched, reference);
    if (value !== undefined) candidates.push({ value, matched, ...span, kind: format });
  }
  return candidates;
}
