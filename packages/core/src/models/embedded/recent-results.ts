/**
 * Remembers the last few results of a pure function by key. One turn reads the same message for
 * many parameters of many actions (choosing by values reads it for every action): the date and
 * phone parsers, the costly parts, then run once per message instead of once per parameter.
 *
 * @example
 * const mentions = recentResults(8, (text: string, at: Date) => `${at.getTime()}|${text}`, parse);
 */
export function recentResults<A extends unknown[], R>(
  size: number,
  keyOf: (...args: A) => string,
  compute: (...args: A) => R,
): (...args: A) => R {
  const kept = new Map<string, R>();
  return (...args: A) => {
    const key = keyOf(...args);
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const result = compute(...args);
    if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    kept.set(key, result);
    return result;
  };
}
