import { describe, expect, it } from 'vitest';
import { findIdTokens, findIdValues, looksLikeId } from './find-id-tokens.js';
import type { TextSpan } from './slot-candidate.js';

describe('looksLikeId', () => {
  it.each(['A-99812', 'ORD-1', 'AB12', '1Z999AA10123456784', 'INV-2024-001', '2024-001', '5512', 'bk_0312'])(
    '%j is an id',
    (token) => {
      expect(looksLikeId(token)).toBe(true);
    },
  );

  it.each([
    '123',
    '12-3',
    '10-12',
    '3pm',
    '10am',
    '2nd',
    '21st',
    '5kg',
    '4x4',
    'x2',
    'mp3',
    'v2',
    'late',
    'A1',
  ])('%j is no id', (token) => {
    expect(looksLikeId(token)).toBe(false);
  });
});

describe('findIdTokens', () => {
  it('finds the id in a sentence, and only it', () => {
    expect(findIdTokens("Can you look up A-99812 for me, I think it's late")).toEqual([
      { value: 'A-99812', matched: 'A-99812', start: 16, end: 23, kind: 'id' },
    ]);
  });

  it('writes it in upper case when asked to', () => {
    expect(findIdTokens('order a-99812 please', true).map((candidate) => candidate.value)).toEqual([
      'A-99812',
    ]);
  });

  it('finds nothing in words, quantities and times', () => {
    expect(findIdTokens('2 pizzas at 7pm for the 3rd time, 5kg, 24/7')).toEqual([]);
    expect(findIdTokens('it cost $1200 or € 1500')).toEqual([]);
  });
});

describe('findIdValues', () => {
  const values = (text: string, description = '', actionDescription = '', reserved: TextSpan[] = []) =>
    findIdValues(text, { type: 'string', description }, actionDescription, reserved).map(
      (candidate) => candidate.value,
    );

  it('reads tokens the way the description shows them', () => {
    expect(values('it is ord 77', 'Order number, like ORD-12345')).toEqual(['ORD-77']);
    expect(values('inv-2025-014 please', 'e.g. INV-2024-001')).toEqual(['INV-2025-014']);
  });

  it("uses the action's description when the parameter's has no example", () => {
    expect(values('where is ord 77?', 'The order', 'Check an order (like ORD-12345)')).toEqual(['ORD-77']);
  });

  it('falls back to any id, in the case of the examples, when none has their shape', () => {
    expect(values('look up a-99812', 'Order number, like ORD-12345')).toEqual(['A-99812']);
    expect(values('look up a-99812')).toEqual(['a-99812']);
  });

  it('skips tokens inside dates, phones and emails', () => {
    expect(values('call 212-555-0199', '', '', [{ start: 5, end: 17 }])).toEqual([]);
  });
});
