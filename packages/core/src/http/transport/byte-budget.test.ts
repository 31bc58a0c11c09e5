import { describe, expect, it } from 'vitest';
import { createByteBudget } from './byte-budget.js';

describe('createByteBudget', () => {
  it('lets a body of exactly the cap through', () => {
    const budget = createByteBudget(6);
    expect(budget.take(Buffer.from('abc')).toString()).toBe('abc');
    expect(budget.take(Buffer.from('def')).toString()).toBe('def');
    expect(budget.exceeded).toBe(false);
    expect(budget.kept).toBe(6);
  });

  it('keeps the part that fits and marks the rest exceeded', () => {
    const budget = createByteBudget(4);
    budget.take(Buffer.from('abc'));
    expect(budget.take(Buffer.from('def')).toString()).toBe('d');
    expect(budget.exceeded).toBe(true);
    expect(budget.take(Buffer.from('g')).length).toBe(0);
    expect(budget.kept).toBe(4);
  });
});
