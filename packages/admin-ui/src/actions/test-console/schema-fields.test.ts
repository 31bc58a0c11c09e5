import { describe, expect, it } from 'vitest';
import { fieldValues, schemaFields, testParameters } from './schema-fields';

const SCHEMA = {
  type: 'object',
  properties: {
    order_number: { type: 'string', description: 'e.g. ORD-12345', examples: ['ORD-1'] },
    email: { type: 'string', format: 'email' },
    phone: { type: 'string', format: 'phone' },
    day: { type: 'string', format: 'date' },
    at: { type: 'string', format: 'date-time' },
    speed: { type: 'string', enum: ['standard', 'express'] },
    count: { type: 'integer', enum: [1, 2] },
    weight: { type: 'number' },
    quantity: { type: 'integer' },
    gift: { type: 'boolean' },
  },
  required: ['order_number', 'day'],
};

describe('schemaFields', () => {
  const fields = schemaFields(SCHEMA);
  const byName = (name: string) => fields.find((field) => field.name === name);

  it('gives one field per parameter in order, with its pointer and whether it is required', () => {
    expect(fields.map((field) => [field.name, field.pointer, field.required])).toEqual([
      ['order_number', '/parameters/order_number', true],
      ['email', '/parameters/email', false],
      ['phone', '/parameters/phone', false],
      ['day', '/parameters/day', true],
      ['at', '/parameters/at', false],
      ['speed', '/parameters/speed', false],
      ['count', '/parameters/count', false],
      ['weight', '/parameters/weight', false],
      ['quantity', '/parameters/quantity', false],
      ['gift', '/parameters/gift', false],
    ]);
  });

  it('picks the control by type and format, with hints and examples', () => {
    expect(byName('order_number')).toMatchObject({
      control: 'text',
      description: 'e.g. ORD-12345',
      placeholder: 'e.g. ORD-1',
    });
    expect(byName('email')?.control).toBe('email');
    expect(byName('phone')?.control).toBe('tel');
    expect(byName('day')?.hint).toMatch(/^A date: 2025-03-25/);
    expect(byName('at')?.hint).toMatch(/time/);
    expect(byName('weight')).toMatchObject({ control: 'text', inputMode: 'decimal', valueType: 'number' });
    expect(byName('quantity')).toMatchObject({ inputMode: 'numeric', valueType: 'integer' });
  });

  it('offers enums and yes/no as selects whose values keep their type', () => {
    expect(byName('speed')?.options).toEqual([
      { label: 'standard', value: 'standard' },
      { label: 'express', value: 'express' },
    ]);
    expect(byName('count')?.options?.map((option) => option.value)).toEqual([1, 2]);
    expect(byName('gift')?.options?.map((option) => option.value)).toEqual([true, false]);
  });

  it('gives no fields for a schema of another shape, and escapes names in pointers', () => {
    expect(schemaFields(undefined)).toEqual([]);
    expect(schemaFields({ type: 'object' })).toEqual([]);
    expect(schemaFields({ type: 'object', properties: { 'a/b': { type: 'string' } } })[0]?.pointer).toBe(
      '/parameters/a~1b',
    );
  });
});

describe('testParameters', () => {
  const fields = schemaFields(SCHEMA);

  it('converts what was typed to the parameter types and leaves empty fields out', () => {
    expect(
      testParameters(fields, {
        order_number: 'ORD-7',
        email: '',
        day: 'tomorrow',
        speed: '1',
        count: '0',
        weight: ' 2.5 ',
        quantity: '3',
        gift: '1',
        phone: '   ',
      }),
    ).toEqual({
      order_number: 'ORD-7',
      day: 'tomorrow',
      speed: 'express',
      count: 1,
      weight: 2.5,
      quantity: 3,
      gift: false,
    });
  });

  it('sends a number that does not parse as typed, so the server can say what is wrong', () => {
    expect(testParameters(fields, { weight: 'heavy' })).toEqual({ weight: 'heavy' });
  });

  it('fills the fields back from parameters (to test again with the same ones)', () => {
    const parameters = { order_number: 'ORD-7', count: 2, gift: true, weight: 1.5, unknown: 'x' };
    const values = fieldValues(fields, parameters);
    expect(values).toEqual({ order_number: 'ORD-7', count: '1', gift: '0', weight: '1.5' });
    expect(testParameters(fields, values)).toEqual({
      order_number: 'ORD-7',
      count: 2,
      gift: true,
      weight: 1.5,
    });
  });

  it('reads select values given as text, as a query string has them', () => {
    const values = fieldValues(fields, { count: '2', gift: 'false', weight: '1.5', speed: 'nope' });
    expect(values).toEqual({ count: '1', gift: '1', weight: '1.5' });
    expect(testParameters(fields, values)).toEqual({ count: 2, gift: false, weight: 1.5 });
  });
});
