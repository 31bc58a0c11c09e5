import { describe, expect, it } from 'vitest';
import { headerNameProblem, headerValueProblem, isReservedHeaderName } from './header-rules.js';

describe('header rules', () => {
  it('knows the reserved names in any case, proxy-* by prefix', () => {
    expect(isReservedHeaderName('HOST')).toBe(true);
    expect(isReservedHeaderName('Proxy-Anything')).toBe(true);
    expect(isReservedHeaderName('webhook-signature')).toBe(true);
    expect(isReservedHeaderName('Authorization')).toBe(false);
    expect(isReservedHeaderName('X-Proxy-Id')).toBe(false);
  });

  it('accepts every RFC 9110 token character in names and nothing else', () => {
    expect(headerNameProblem("X-!#$%&'*+.^_`|~09az")).toBeUndefined();
    for (const name of ['X Y', 'X:Y', 'X(Y)', 'X"Y', 'X@Y', 'Ü', '']) {
      expect(headerNameProblem(name)).toMatch(/^is not a valid header name/);
    }
  });

  it('accepts printable ASCII, Latin-1 and tabs in values', () => {
    expect(headerValueProblem('Bearer abc.def-ghi_jkl~')).toBeUndefined();
    expect(headerValueProblem('a\tb café')).toBeUndefined();
    expect(headerValueProblem('')).toBeUndefined();
    expect(headerValueProblem('x\u007f')).toMatch(/^must contain only printable/);
    expect(headerValueProblem('€')).toMatch(/^must contain only printable/);
  });
});
