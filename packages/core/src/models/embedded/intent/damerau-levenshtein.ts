/**
 * The restricted Damerau-Levenshtein distance ("optimal string alignment") between two strings:
 * the fewest single-character insertions, deletions, substitutions and swaps of two neighbouring
 * characters that turn one into the other. Compares UTF-16 code units.
 *
 * @example
 * damerauLevenshtein('stauts', 'status'); // 1 (one swap)
 * damerauLevenshtein('order', 'ordr'); // 1 (one deletion)
 * damerauLevenshtein('cancel', 'parcel'); // 2
 */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The shortest word typo matching applies to: shorter words have too many close neighbours. */
export const FUZZY_MIN_LENGTH = 5;

/**
 * Whether two words are one typo apart: both at least `FUZZY_MIN_LENGTH` characters long,
 * different, and at Damerau-Levenshtein distance 1. Cheap length check first.
 *
 * @example
 * isOneTypoApart('stauts', 'status'); // true
 * isOneTypoApart('ordr', 'order'); // false: 'ordr' is too short
 */
export function isOneTypoApart(a: string, b: string): boolean {
  if (a === b || a.length < FUZZY_MIN_LENGTH || b.length < FUZZY_MIN_LENGTH) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  return damerauLevenshtein(a, b) === 1;
}
