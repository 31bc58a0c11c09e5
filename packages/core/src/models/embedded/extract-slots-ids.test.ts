import { describe, expect, it } from 'vitest';
import type { ParameterSchema } from '../../actions/action-definition.js';
import { NEW_YORK, schemaOf } from './extract-slots.fixture.js';
import { extractSlots } from './extract-slots.js';

const lateOrder = "Can you look up A-99812 for me, I think it's late";

describe('extractSlots: ids without a pattern', () => {
  it.each<[string, ParameterSchema]>([
    ['order_id', { type: 'string' }],
    ['order_number', { type: 'string' }],
    ['orderNumber', { type: 'string' }],
    ['tracking_number', { type: 'string' }],
    ['booking_reference', { type: 'string' }],
    ['order', { type: 'string', description: 'The order number' }],
  ])('fills %j %j from an id in a sentence', (name, schema) => {
    const result = extractSlots(lateOrder, schemaOf({ [name]: schema }), NEW_YORK);
    expect(result.values).toEqual({ [name]: 'A-99812' });
    expect(result.evidence[0]).toMatchObject({ matched: 'A-99812', kind: 'id' });
  });

  it("reads the shape the parameter's description shows", () => {
    const invoice = schemaOf({
      invoice: { type: 'string', description: 'Invoice number, e.g. INV-2024-001' },
    });
    expect(extractSlots('about inv-2025-014, paid twice', invoice, NEW_YORK).values).toEqual({
      invoice: 'INV-2025-014',
    });
  });

  it("reads the shape the action's description shows", () => {
    const order = schemaOf({ order_id: { type: 'string' } });
    const options = { ...NEW_YORK, actionDescription: 'Check the status of an order (like ORD-12345).' };
    expect(extractSlots('where is ord 77?', order, options).values).toEqual({ order_id: 'ORD-77' });
  });

  it('takes a SKU and leaves the quantity to the number', () => {
    const stock = schemaOf({ sku: { type: 'string' }, quantity: { type: 'integer' } });
    expect(extractSlots('Do you have 3 of SKU BX-4410 in stock?', stock, NEW_YORK).values).toEqual({
      sku: 'BX-4410',
      quantity: 3,
    });
  });

  it('does not take a phone number, a date, an email or a time as the id', () => {
    const order = schemaOf({ order_id: { type: 'string' } });
    const text = 'call me at 212-555-0199 on 2026-04-01 at 7pm, or ella99@example.com';
    expect(extractSlots(text, order, NEW_YORK)).toEqual({ values: {}, evidence: [] });
  });

  it('takes nothing for a plain string parameter that is not an id', () => {
    expect(extractSlots(lateOrder, schemaOf({ notes: { type: 'string' } }), NEW_YORK).values).toEqual({});
  });

  it('takes the whole answer when asked and nothing looks like an id', () => {
    const order = schemaOf({ order_id: { type: 'string' } });
    const asked = { ...NEW_YORK, only: ['order_id'] };
    expect(extractSlots("sure, it's A-99812", order, asked).values).toEqual({ order_id: 'A-99812' });
    expect(extractSlots('bluebird', order, asked).evidence).toEqual([
      { parameter: 'order_id', value: 'bluebird', matched: 'bluebird', kind: 'free-text' },
    ]);
  });

  it('reads an id spelled out, by the pattern, the examples, the hint or its looks', () => {
    const spelled = 'uh yeah the order is o r d one two three four five';
    const byPattern = schemaOf({ order_number: { type: 'string', pattern: '^ORD-[0-9]{5}$' } });
    const byExamples = schemaOf({ order_number: { type: 'string', examples: ['ORD-12345'] } });
    const byHint = schemaOf({
      order_number: { type: 'string', description: 'The order number, like ORD-12345' },
    });
    const byLooks = schemaOf({ order_number: { type: 'string' } });
    for (const schema of [byPattern, byExamples, byHint]) {
      expect(extractSlots(spelled, schema, NEW_YORK).values).toEqual({ order_number: 'ORD-12345' });
    }
    expect(extractSlots(spelled, byLooks, NEW_YORK).values).toEqual({ order_number: 'ORD12345' });
    expect(extractSlots('A as in apple, nine nine eight one two', byLooks, NEW_YORK).values).toEqual({
      order_number: 'A99812',
    });
  });
});
