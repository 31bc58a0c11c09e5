import { describe, expect, it } from 'vitest';
import { cachedScrubberCount, MAX_CACHED_SCRUBBERS, secretScrubberFor } from './cached-scrubber.js';
import { REDACTED } from './redact.js';

describe('secretScrubberFor', () => {
  it('gives the same scrubber for the same secrets, and it scrubs them', () => {
    const first = secretScrubberFor(['tok_cached_1']);
    expect(secretScrubberFor(['tok_cached_1'])).toBe(first);
    expect(first.text('echo tok_cached_1 and TOK_CACHED_1')).toBe(`echo ${REDACTED} and ${REDACTED}`);
  });

  it('keeps lists apart by every secret and their order', () => {
    const one = secretScrubberFor(['alpha-secret']);
    const two = secretScrubberFor(['alpha-secret', 'beta-secret']);
    const swapped = secretScrubberFor(['beta-secret', 'alpha-secret']);
    expect(two).not.toBe(one);
    expect(swapped).not.toBe(two);
    expect(one.text('beta-secret')).toBe('beta-secret');
    expect(two.text('beta-secret')).toBe(REDACTED);
    // A list of one secret is never taken for a list whose JSON text looks like it.
    expect(secretScrubberFor(['["a-secret"]'])).not.toBe(secretScrubberFor(['a-secret']));
  });

  it('shares nothing a caller could change', () => {
    const scrubber = secretScrubberFor(['shared-secret']);
    expect(Object.isFrozen(scrubber.variants)).toBe(true);
  });

  it('keeps at most MAX_CACHED_SCRUBBERS lists', () => {
    for (let index = 0; index <= MAX_CACHED_SCRUBBERS; index += 1)
      secretScrubberFor([`bound-secret-${index}`]);
    expect(cachedScrubberCount()).toBe(MAX_CACHED_SCRUBBERS);
    // The oldest went first: asking again builds a new one, which still scrubs.
    expect(secretScrubberFor(['bound-secret-0']).text('bound-secret-0')).toBe(REDACTED);
  });
});
