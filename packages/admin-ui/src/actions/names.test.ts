import { describe, expect, it } from 'vitest';
import { headerNameProblem, nameProblem } from './names';

describe('nameProblem', () => {
  it('accepts the server pattern: a lower-case letter, then letters, digits, underscores, 64 at most', () => {
    for (const name of ['a', 'check_order_status', 'v2_lookup', `a${'b'.repeat(63)}`]) {
      expect(nameProblem(name)).toBeUndefined();
    }
  });

  it('says what is wrong with a name as it is typed', () => {
    expect(nameProblem('')).toBe('is required, e.g. check_order_status');
    expect(nameProblem('Check')).toBe('must start with a lower-case letter, e.g. check_order_status');
    expect(nameProblem('_x')).toMatch(/^must start with a lower-case letter/);
    expect(nameProblem('check-order')).toBe(
      'may use only lower-case letters, digits and underscores ("-" is not allowed), e.g. check_order_status',
    );
    expect(nameProblem('check order')).toMatch(/\(a space is not allowed\)/);
    expect(nameProblem('checkOrder')).toMatch(/\("O" is not allowed\)/);
    expect(nameProblem(`a${'b'.repeat(64)}`)).toBe('must be at most 64 characters (it has 65)');
    expect(nameProblem('Day', 'order_number')).toBe('must start with a lower-case letter, e.g. order_number');
  });
});

describe('headerNameProblem', () => {
  it('takes RFC 9110 tokens only', () => {
    expect(headerNameProblem('X-Api-Key')).toBeUndefined();
    expect(headerNameProblem('')).toMatch(/^is required/);
    expect(headerNameProblem('X Key')).toMatch(/no spaces/);
    expect(headerNameProblem('X:Key')).toMatch(/no spaces or ":"/);
  });
});
