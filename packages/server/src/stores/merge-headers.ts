import type { ActionDefinition } from '@toolgate/core';

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The headers after a PATCH: each patched name replaces the stored header of that name in any
 * letter case, `null` removes it, the rest stay. One pass over each side, so a body with tens of
 * thousands of names costs milliseconds, not a comparison of every pair.
 *
 * @example
 * mergeHeaders({ 'X-Key': 'a', Accept: 'x' }, { 'x-key': 'b', Accept: null }); // { 'x-key': 'b' }
 */
export function mergeHeaders(
  current: Record<string, string>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const byLowerName = new Map<string, [string, unknown]>();
  for (const [name, value] of Object.entries(current)) byLowerName.set(name.toLowerCase(), [name, value]);
  for (const [name, value] of Object.entries(patch)) {
    const lower = name.toLowerCase();
    byLowerName.delete(lower);
    if (value !== null) byLowerName.set(lower, [name, value]);
  }
  return Object.fromEntries(byLowerName.values());
}

/**
 * An action's code after a PATCH: the patched fields replace the stored ones; credentials merge
 * like headers (a string replaces, `null` removes, absent keeps: they are write-only). What is
 * not an object is passed on for the definition's validator to refuse.
 *
 * @example
 * mergeCode({ source: 'a', credentials: { key: 's' } }, { source: 'b' }); // { source: 'b', credentials: { key: 's' } }
 */
export function mergeCode(current: ActionDefinition['code'], patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const merged: Record<string, unknown> = { ...current, ...patch };
  if (patch.credentials !== undefined) {
    merged.credentials = isRecord(patch.credentials)
      ? Object.fromEntries(
          Object.entries({ ...current?.credentials, ...patch.credentials }).filter(
            ([, value]) => value !== null,
          ),
        )
      : patch.credentials;
  } else if (current?.credentials) merged.credentials = current.credentials;
  return merged;
}
