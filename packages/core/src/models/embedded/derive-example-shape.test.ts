import { describe, expect, it } from 'vitest';
import { deriveExampleShape, findShapedTokens } from './derive-example-shape.js';

function values(text: string, examples: unknown[]): unknown[] {
  const shape = deriveExampleShape(examples);
  if (!shape) throw new Error('no shape');
  return findShapedTokens(text, shape).map((candidate) => candidate.value);
}

describe('deriveExampleShape', () => {
  it.each([
    ['my order is ORD-12345', ['ORD-12345'], ['ORD-12345']],
    ['ord-77 please', ['ORD-12345'], ['ORD-77']],
    ['Ord 77', ['ORD-12345'], ['ORD-77']],
    ['ORD77', ['ORD-12345'], ['ORD-77']],
    ['ord_77', ['ORD-12345'], ['ORD-77']],
    ['inv#5 and ORD-6', ['ORD-1', 'INV-2'], ['INV-5', 'ORD-6']],
    ['ab12', ['AB12'], ['AB12']],
    ['order 12345', ['12345'], ['12345']],
    ['a1b 2c3', ['K1A 0B1'], ['A1B 2C3']],
    ['ref ab-12/c3.', ['XY-9/Z1'], ['AB-12/C3']],
    ['(1.5)', ['v1.2'], []],
    ['5, 123 or 1234', [123, 1234], ['123', '1234']],
  ])('%j with examples %j -> %j', (text, examples, expected) => {
    expect(values(text, examples)).toEqual(expected);
  });

  it.each([
    ['order 12345', ['ORD-12345']],
    ['XORD-12345', ['ORD-12345']],
    ['ORD-12345X', ['ORD-12345']],
    ['INV-12345', ['ORD-12345']],
    ['1234', ['12345']],
    ['123456', ['12345']],
    ['1.12345', ['12345']],
    ['12345.5', ['12345']],
  ])('finds nothing in %j with examples %j', (text, examples) => {
    expect(values(text, examples)).toEqual([]);
  });

  it.each([[undefined], [[]], [['Jane Doe']], [[true, null]], [['ORD-1', 'Jane']]])(
    'has no shape for examples %j',
    (examples) => {
      expect(deriveExampleShape(examples)).toBeUndefined();
    },
  );

  it('reports the text as typed and the kind', () => {
    const shape = deriveExampleShape(['ORD-12345']);
    expect(shape && findShapedTokens('it was ord 77', shape)).toEqual([
      { value: 'ORD-77', matched: 'ord 77', start: 7, end: 13, kind: 'example-shape' },
    ]);
  });
});
