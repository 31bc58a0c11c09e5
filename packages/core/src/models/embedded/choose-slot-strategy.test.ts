import { describe, expect, it } from 'vitest';
import type { ParameterSchema } from '../../actions/action-definition.js';
import { chooseSlotStrategy, STRATEGY_ORDER } from './choose-slot-strategy.js';

describe('chooseSlotStrategy', () => {
  it.each<[ParameterSchema, boolean, string | undefined]>([
    [{ type: 'string', format: 'email', pattern: '^x' }, false, 'email'],
    [{ type: 'string', format: 'phone' }, false, 'phone'],
    [{ type: 'string', format: 'date' }, false, 'date'],
    [{ type: 'string', format: 'date-time' }, false, 'date-time'],
    [{ type: 'string', enum: ['a'], pattern: '^a$' }, false, 'enum'],
    [{ type: 'string', enum: [], pattern: '^a$' }, false, 'pattern'],
    [{ type: 'string', pattern: '^a$', examples: ['ORD-1'] }, false, 'pattern'],
    [{ type: 'string', examples: ['ORD-1'] }, false, 'example-shape'],
    [{ type: 'string', examples: ['Jane'] }, false, undefined],
    [{ type: 'string', examples: ['Jane'] }, true, 'free-text'],
    [{ type: 'string' }, false, undefined],
    [{ type: 'string' }, true, 'free-text'],
    [{ type: 'integer', enum: [1, 2] }, false, 'number'],
    [{ type: 'number' }, false, 'number'],
    [{ type: 'boolean' }, false, undefined],
    [{ type: 'boolean' }, true, 'boolean'],
  ])('%j (asked: %s) -> %s', (schema, asked, expected) => {
    expect(chooseSlotStrategy(schema, asked)).toBe(expected);
  });

  it.each<[string, ParameterSchema, string | undefined]>([
    ['order_id', { type: 'string' }, 'id'],
    ['sku', { type: 'string' }, 'id'],
    ['order_id', { type: 'string', examples: ['ORD-1'] }, 'example-shape'],
    ['order_id', { type: 'string', pattern: '^ORD-\\d+$' }, 'pattern'],
    ['notes', { type: 'string' }, undefined],
  ])('reads %j %j as %s by its name', (name, schema, expected) => {
    expect(chooseSlotStrategy(schema, false, name)).toBe(expected);
  });

  it('searches specific readings before loose ones', () => {
    expect(STRATEGY_ORDER.indexOf('email')).toBeLessThan(STRATEGY_ORDER.indexOf('pattern'));
    expect(STRATEGY_ORDER.indexOf('date')).toBeLessThan(STRATEGY_ORDER.indexOf('number'));
    expect(STRATEGY_ORDER.at(-1)).toBe('free-text');
  });
});
