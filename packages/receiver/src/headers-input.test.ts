import { describe, expect, it } from 'vitest';
import { headerValues } from './headers-input.js';

describe('headerValues', () => {
  it('finds a header in any case in a plain object, with repeats', () => {
    expect(headerValues({ 'Webhook-Id': 'a', 'WEBHOOK-ID': ['b', 'c'], other: 'x' }, 'webhook-id')).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(headerValues({ 'webhook-id': undefined }, 'webhook-id')).toEqual([]);
  });

  it('reads a Web Headers, which joins repeats', () => {
    const headers = new Headers([
      ['Webhook-Signature', 'v1,a'],
      ['webhook-signature', 'v1,b'],
    ]);
    expect(headerValues(headers, 'WEBHOOK-SIGNATURE')).toEqual(['v1,a, v1,b']);
    expect(headerValues(headers, 'webhook-id')).toEqual([]);
  });
});
