import { describe, expect, it } from 'vitest';
import type { ParameterSchema } from '../../actions/action-definition.js';
import { hintedExamples, isIdParameter } from './id-parameter.js';
import { nameWords } from './parameter-name.js';

describe('nameWords', () => {
  it.each([
    ['order_id', ['order', 'id']],
    ['trackingNumber', ['tracking', 'number']],
    ['booking-reference', ['booking', 'reference']],
    ['SKU', ['sku']],
  ])('%j -> %j', (name, expected) => {
    expect(nameWords(name)).toEqual(expected);
  });
});

describe('isIdParameter', () => {
  it.each<[string, ParameterSchema]>([
    ['order_id', { type: 'string' }],
    ['orderNumber', { type: 'string' }],
    ['order_number', { type: 'string' }],
    ['sku', { type: 'string' }],
    ['tracking_number', { type: 'string' }],
    ['booking_reference', { type: 'string' }],
    ['promo_code', { type: 'string' }],
    ['ticket', { type: 'string' }],
    ['order', { type: 'string', description: 'The order number on the receipt' }],
    ['lookup', { type: 'string', description: 'Confirmation code' }],
  ])('%j %j is an id', (name, schema) => {
    expect(isIdParameter(name, schema)).toBe(true);
  });

  it.each<[string, ParameterSchema]>([
    ['phone_number', { type: 'string' }],
    ['mobile_number', { type: 'string' }],
    ['country_code', { type: 'string' }],
    ['name', { type: 'string' }],
    ['notes', { type: 'string', description: 'Anything else to tell us' }],
    ['contact', { type: 'string', description: 'Your phone number' }],
    ['party', { type: 'string', description: 'Number of guests' }],
  ])('%j %j is no id', (name, schema) => {
    expect(isIdParameter(name, schema)).toBe(false);
  });
});

describe('hintedExamples', () => {
  it.each([
    ['Order number, like ORD-12345', ['ORD-12345']],
    ['Invoice number (e.g. INV-2024-001)', ['INV-2024-001']],
    ['Ticket, format ABC-123.', ['ABC-123']],
    ['Booking reference, for example "BK0312"', ['BK0312']],
    ['Order number such as #10042', ['10042']],
    ['Look up an order by its number, e.g., A-1 or B-2', ['A-1']],
    ['Looks like the one on your receipt', []],
    ['Anything you like', []],
    [undefined, []],
  ])('%j -> %j', (description, expected) => {
    expect(hintedExamples(description)).toEqual(expected);
  });
});
