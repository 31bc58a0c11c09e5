import { humanize } from '../../agent/humanize.js';
import { isRecord } from '../../is-record.js';

const MAX_ITEMS = 10;

function label(key: string): string {
  const words = humanize(key);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Keys an API wraps its answer in: `{ success: true, result: {...} }` reads as the result. */
const ENVELOPE_KEYS = new Set(['data', 'result', 'results', 'items', 'payload', 'response']);
const FLAG_KEYS = new Set(['success', 'ok', 'status_code', 'error']);

function unwrap(data: Record<string, unknown>): unknown {
  const keys = Object.keys(data);
  const inner = keys.filter((key) => ENVELOPE_KEYS.has(key));
  const rest = keys.filter((key) => !ENVELOPE_KEYS.has(key));
  const flagsOnly = rest.every(
    (key) => FLAG_KEYS.has(key) && data[key] !== false && typeof data[key] !== 'string',
  );
  return inner.length === 1 && flagsOnly ? data[inner[0] as string] : data;
}

function describeValue(key: string, value: unknown): string {
  if (Array.isArray(value) && value.length === 0) return `${label(key)}: none`;
  if (isRecord(value)) return `${label(key)}: ${describeObject(value)}`;
  if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object'))
    return `${label(key)}:\n${describeList(value)}`;
  return `${label(key)}: ${Array.isArray(value) ? value.map(scalar).join(', ') : scalar(value)}`;
}

function describeObject(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) => describeValue(key, value))
    .join('; ');
}

function describeList(items: readonly unknown[]): string {
  if (items.length === 0) return 'I found nothing.';
  const lines = items.slice(0, MAX_ITEMS).map((item) => `- ${describeData(item)}`);
  if (items.length > MAX_ITEMS) lines.push(`- and ${items.length - MAX_ITEMS} more`);
  return lines.join('\n');
}

/**
 * A result's data as a short readable text, labelled from its keys: an object becomes
 * "Status: shipped; Estimated delivery: 2026-03-25", a list one line per item.
 *
 * @example
 * describeData({ status: 'shipped', tracking_number: '1Z9' }); // 'Status: shipped; Tracking number: 1Z9'
 */
export function describeData(data: unknown): string {
  const shown = isRecord(data) ? unwrap(data) : data;
  if (Array.isArray(shown)) return describeList(shown);
  if (isRecord(shown)) return describeObject(shown);
  return scalar(shown);
}
