import { describe, expect, it } from 'vitest';
import { descriptionAdvice, SPECIFIC_EXAMPLE, VAGUE_EXAMPLE } from './description-advice';

describe('descriptionAdvice', () => {
  it('has nothing to add to a specific description or to an empty one', () => {
    expect(descriptionAdvice(SPECIFIC_EXAMPLE)).toEqual([]);
    expect(descriptionAdvice('  ')).toEqual([]);
  });

  it('points out what makes a description vague', () => {
    const advice = descriptionAdvice(VAGUE_EXAMPLE);
    expect(advice).toHaveLength(2);
    expect(advice[0]).toMatch(/^It is short/);
    expect(advice[1]).toMatch(/^Say when to use it/);
    expect(
      descriptionAdvice('API for orders: handles various order things for customers of the shop'),
    ).toEqual([
      'Name the task, not the kind of endpoint: "Looks up an order\'s status", not "Order API".',
      'Words like "handles", "manages" or "various" leave the model guessing: name the exact task.',
      'Say when to use it, e.g. "Use it when a customer asks where their order is."',
    ]);
  });

  it('says when it is over the limit', () => {
    expect(descriptionAdvice(`Use it when ${'x'.repeat(1100)}`).at(-1)).toMatch(
      /^It is too long: at most 1024/,
    );
  });
});
