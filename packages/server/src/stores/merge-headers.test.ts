import { describe, expect, it } from 'vitest';
import { mergeHeaders } from './merge-headers.js';

describe('mergeHeaders', () => {
  it('replaces a header in any letter case, removes on null and keeps the rest', () => {
    expect(mergeHeaders({ 'X-Key': 'a', Accept: 'x', Keep: 'k' }, { 'x-key': 'b', Accept: null })).toEqual({
      Keep: 'k',
      'x-key': 'b',
    });
  });

  // One pass, not every pair: a merge comparing each name with every other (1.6 billion
  // comparisons here) would not finish within the test's timeout. No clock is read.
  it('merges 40 000 names with 40 000 others, keeping every one', () => {
    const current = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`X-Old-${i}`, 'v']));
    const patch = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`x-new-${i}`, 'v']));
    const merged = mergeHeaders(current, patch);
    expect(Object.keys(merged)).toHaveLength(80_000);
    expect(merged['x-new-39999']).toBe('v');
  });
});
