import { describe, expect, it } from 'vitest';
import { mergeHeaders } from './merge-headers.js';

describe('mergeHeaders', () => {
  it('replaces a header in any letter case, removes on null and keeps the rest', () => {
    expect(mergeHeaders({ 'X-Key': 'a', Accept: 'x', Keep: 'k' }, { 'x-key': 'b', Accept: null })).toEqual({
      Keep: 'k',
      'x-key': 'b',
    });
  });

  it('merges 40 000 names in well under a second (one pass, not every pair)', () => {
    const current = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`X-Old-${i}`, 'v']));
    const patch = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`x-new-${i}`, 'v']));
    const started = performance.now();
    const merged = mergeHeaders(current, patch);
    expect(Object.keys(merged)).toHaveLength(80_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
