import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../errors.js';
import { buildIntentIndex, FIELD_WEIGHTS, inverseDocumentFrequency } from './build-intent-index.js';
import { SHOP_CANDIDATES } from './intent-candidates.fixture.js';

describe('inverseDocumentFrequency', () => {
  it('is high for a rare stem, small for a stem in every candidate, never negative', () => {
    expect(inverseDocumentFrequency(1, 3)).toBeCloseTo(0.9808, 4);
    expect(inverseDocumentFrequency(3, 3)).toBeCloseTo(0.1335, 4);
    expect(inverseDocumentFrequency(1, 1)).toBeGreaterThan(0);
  });
});

describe('buildIntentIndex', () => {
  const index = buildIntentIndex(SHOP_CANDIDATES);
  const [status, cancel, book] = index.candidates;

  it('keeps the candidates in order', () => {
    expect(index.candidates.map((candidate) => candidate.name)).toEqual([
      'check_order_status',
      'cancel_order',
      'book_appointment',
    ]);
  });

  it('keeps the best field weight of each stem', () => {
    expect(status?.weights.get('status')).toBe(FIELD_WEIGHTS.name);
    expect(status?.weights.get('track')).toBe(FIELD_WEIGHTS.description);
    expect(status?.weights.get('receipt')).toBe(FIELD_WEIGHTS.parameter);
    expect(cancel?.weights.get('ship')).toBe(FIELD_WEIGHTS.description);
    expect(book?.weights.get('haircut')).toBe(FIELD_WEIGHTS.phrase);
    expect(book?.weights.get('book')).toBe(FIELD_WEIGHTS.name);
  });

  it('records each candidate top field weight', () => {
    expect(status?.topFieldWeight).toBe(FIELD_WEIGHTS.name);
    expect(book?.topFieldWeight).toBe(FIELD_WEIGHTS.phrase);
  });

  it('weighs a stem shared by more candidates less', () => {
    const order = index.idf.get('order') ?? Number.NaN;
    const cancelIdf = index.idf.get('cancel') ?? Number.NaN;
    expect(order).toBeLessThan(cancelIdf);
    expect(cancelIdf).toBe(index.maxIdf);
  });

  it('splits snake_case and camelCase names into words', () => {
    const camel = buildIntentIndex([{ name: 'refundPayment', description: '' }]);
    expect([...(camel.candidates[0]?.weights.keys() ?? [])]).toEqual(['refund', 'pay']);
  });

  it('stems trigger phrases and keeps the written words for typo matching', () => {
    expect(book?.phrases).toEqual([{ text: 'haircut', stems: ['haircut'], words: ['haircut'] }]);
    expect(index.surfaces.get('cancel')).toEqual(['cancel']);
    expect(index.surfaces.get('ship')).toEqual(['shipped']);
  });

  it('leaves out phrases made only of stop words, and repeated entities or requirements', () => {
    const built = buildIntentIndex([
      {
        name: 'x_action',
        description: 'Something',
        triggers: { phrases: ['the', 'can you'], entities: ['email', 'email'], requires: ['id', 'id'] },
      },
    ]);
    expect(built.candidates[0]?.phrases).toEqual([]);
    expect(built.candidates[0]?.entities).toEqual(['email']);
    expect(built.candidates[0]?.requires).toEqual(['id']);
  });

  it('accepts no candidates', () => {
    expect(buildIntentIndex([])).toMatchObject({ candidates: [], maxIdf: 0 });
  });

  it('refuses empty and duplicate names, listing every problem', () => {
    const build = () =>
      buildIntentIndex([
        { name: 'a_b', description: '' },
        { name: ' ', description: '' },
        { name: 'a_b', description: '' },
      ]);
    expect(build).toThrow(ValidationError);
    try {
      build();
    } catch (error) {
      expect((error as ValidationError).details.map((issue) => issue.path)).toEqual(['/1/name', '/2/name']);
    }
  });
});
