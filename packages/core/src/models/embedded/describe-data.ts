import { humanize } from '../../agent/humanize.js';

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

function describeObject(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? `${label(key)}: ${describeObject(value as Record<string, unknown>)}`
        : `${label(key)}: ${Array.isArray(value) ? value.map(scalar).join(', ') : scalar(value)}`,
    )
    .join('; ');
}

/**
 * A result's data as a short readable text, labelled from its keys: an object becomes
 * "Status: shipped; Estimated delivery: 2026-03-25", a list one line per item.
 *
 * @example
 * describeData({ status: 'shipped', tracking_number: '1Z9' }); // 'Status: shipped; Tracking number: 1Z9'
 */
export function describeData(data: unknown): string {
  if (Array.isArray(data)) {
    if (data.length === 0) return 'I found nothing.';
    const lines = data.slice(0, MAX_ITEMS).map((item) => `- ${describeData(item)}`);
    if (data.length > MAX_ITEMS) lines.push(`- and ${data.length - MAX_ITEMS} more`);
    return lines.join('\n');
  }
  if (data !== null && typeof data === 'object') return describeObject(data as Record<string, unknown>);
  return scalar(data);
}
