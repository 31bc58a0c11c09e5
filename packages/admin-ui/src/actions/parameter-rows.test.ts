import { describe, expect, it } from 'vitest';
import {
  duplicateNames,
  emptyRow,
  isBlankRow,
  type ParameterRow,
  rowNames,
  rowsToSchema,
  schemaToRows,
} from './parameter-rows';

const row = (key: string, patch: Partial<ParameterRow>): ParameterRow => ({ ...emptyRow(key), ...patch });

/** Rows without their keys, which only identify them while editing. */
const withoutKeys = (rows: readonly ParameterRow[]) => rows.map(({ key: _key, ...rest }) => rest);

const FULL_SCHEMA = {
  type: 'object',
  properties: {
    order_number: {
      type: 'string',
      description: 'e.g. ORD-12345',
      pattern: '^ORD-\\d+$',
      examples: ['ORD-1'],
    },
    email: { type: 'string', format: 'email' },
    phone: { type: 'string', format: 'phone', description: 'To call back' },
    day: { type: 'string', format: 'date' },
    at: { type: 'string', format: 'date-time' },
    speed: { type: 'string', enum: ['standard', 'express'] },
    count: { type: 'integer', minimum: 1, maximum: 9, enum: [1, 2, 3] },
    weight: { type: 'number', enum: [0.5, 1.25] },
    gift: { type: 'boolean' },
  },
  required: ['order_number', 'day'],
  additionalProperties: false,
};

describe('rowsToSchema', () => {
  it('maps each type, phone and date formats included, with required and allowed values', () => {
    const schema = rowsToSchema({
      closed: false,
      rows: [
        row('a', { name: 'phone', kind: 'phone', required: true, description: 'Mobile number' }),
        row('b', { name: 'day', kind: 'date' }),
        row('c', { name: 'at', kind: 'date-time' }),
        row('d', { name: 'speed', kind: 'text', allowed: 'standard\n  express \n\n' }),
        row('e', { name: 'count', kind: 'integer', allowed: '1\n2' }),
        row('f', { name: 'ok', kind: 'boolean', allowed: 'ignored' }),
        row('g', { name: 'email', kind: 'email' }),
      ],
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        phone: { type: 'string', format: 'phone', description: 'Mobile number' },
        day: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
        speed: { type: 'string', enum: ['standard', 'express'] },
        count: { type: 'integer', enum: [1, 2] },
        ok: { type: 'boolean' },
        email: { type: 'string', format: 'email' },
      },
      required: ['phone'],
    });
  });

  it('leaves blank rows out and gives undefined when nothing is left', () => {
    expect(rowsToSchema({ closed: false, rows: [emptyRow('a'), row('b', { name: '  ' })] })).toBeUndefined();
    expect(isBlankRow(row('c', { required: true }))).toBe(true);
    expect(rowsToSchema({ closed: true, rows: [] })).toEqual({
      type: 'object',
      properties: {},
      additionalProperties: false,
    });
  });

  it('keeps an allowed number that does not parse as typed, for the server to report', () => {
    const schema = rowsToSchema({
      closed: false,
      rows: [row('a', { name: 'n', kind: 'number', allowed: '1\nabc' })],
    });
    expect(schema?.properties.n).toEqual({ type: 'number', enum: [1, 'abc'] });
  });
});

describe('schemaToRows', () => {
  it('reads every kind of parameter the rows show, keeping the keywords they do not edit', () => {
    const result = schemaToRows(FULL_SCHEMA);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.closed).toBe(true);
    expect(withoutKeys(result.value.rows)).toEqual([
      {
        name: 'order_number',
        kind: 'text',
        description: 'e.g. ORD-12345',
        required: true,
        allowed: '',
        kept: { pattern: '^ORD-\\d+$', examples: ['ORD-1'] },
      },
      { name: 'email', kind: 'email', description: '', required: false, allowed: '', kept: {} },
      { name: 'phone', kind: 'phone', description: 'To call back', required: false, allowed: '', kept: {} },
      { name: 'day', kind: 'date', description: '', required: true, allowed: '', kept: {} },
      { name: 'at', kind: 'date-time', description: '', required: false, allowed: '', kept: {} },
      {
        name: 'speed',
        kind: 'text',
        description: '',
        required: false,
        allowed: 'standard\nexpress',
        kept: {},
      },
      {
        name: 'count',
        kind: 'integer',
        description: '',
        required: false,
        allowed: '1\n2\n3',
        kept: { minimum: 1, maximum: 9 },
      },
      { name: 'weight', kind: 'number', description: '', required: false, allowed: '0.5\n1.25', kept: {} },
      { name: 'gift', kind: 'boolean', description: '', required: false, allowed: '', kept: {} },
    ]);
  });

  it('round-trips: schema to rows to the same schema', () => {
    const result = schemaToRows(FULL_SCHEMA);
    if (!result.ok) throw new Error('not expressible');
    expect(rowsToSchema(result.value)).toEqual(FULL_SCHEMA);
  });

  it('round-trips: rows to schema to the same rows', () => {
    const rows = [
      row('x', { name: 'when', kind: 'date-time', required: true, description: 'Pickup time' }),
      row('y', { name: 'size', kind: 'text', allowed: 'S\nM\nL' }),
      row('z', { name: 'qty', kind: 'integer', allowed: '1\n2' }),
    ];
    const schema = rowsToSchema({ rows, closed: false });
    const back = schemaToRows(schema, (index) => `k${index}`);
    if (!back.ok) throw new Error('not expressible');
    expect(withoutKeys(back.value.rows)).toEqual(withoutKeys(rows));
    expect(back.value.rows.map((item) => item.key)).toEqual(['k0', 'k1', 'k2']);
  });

  it('reports a schema the rows cannot express instead of dropping parts of it', () => {
    const result = schemaToRows({
      type: 'object',
      title: 'Order',
      properties: {
        address: { type: 'object', properties: { city: { type: 'string' } } },
        tags: { type: 'array', items: { type: 'string' } },
        note: { type: 'string', default: 'none' },
        flag: { type: 'boolean', enum: [true] },
        amount: { type: 'number', format: 'email' },
        size: { type: 'string', enum: ['a, b', ' padded'] },
      },
      required: ['missing_one'],
      additionalProperties: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path)).toEqual([
      '/title',
      '/additionalProperties',
      '/required/0',
      '/properties/address/properties',
      '/properties/address/type',
      '/properties/tags/items',
      '/properties/tags/type',
      '/properties/note/default',
      '/properties/flag/enum',
      '/properties/amount/format',
      '/properties/size/enum',
    ]);
  });

  it('reports input that is not a schema object', () => {
    expect(schemaToRows([1, 2])).toEqual({
      ok: false,
      problems: [{ path: '', message: 'must be a JSON Schema object: {"type": "object", ...}' }],
    });
    const noType = schemaToRows({ properties: { a: 'string' } });
    expect(noType.ok ? [] : noType.problems.map((problem) => problem.path)).toEqual([
      '/type',
      '/properties/a',
    ]);
  });

  it('escapes property names in problem paths', () => {
    const result = schemaToRows({ type: 'object', properties: { 'a/b': { type: 'array' } } });
    expect(result.ok ? [] : result.problems[0]?.path).toBe('/properties/a~1b/type');
  });

  it('reads a schema without properties as no rows', () => {
    expect(schemaToRows({ type: 'object' })).toEqual({ ok: true, value: { rows: [], closed: false } });
  });
});

describe('duplicateNames', () => {
  it('lists names used by more than one row, which a schema could not hold', () => {
    expect(
      duplicateNames([row('a', { name: 'x' }), row('b', { name: ' x ' }), row('c', { name: 'y' })]),
    ).toEqual(['x']);
    expect(duplicateNames([row('a', { name: 'x' }), emptyRow('b'), emptyRow('c')])).toEqual([]);
  });
});

describe('rowNames', () => {
  it('lists the names typed, trimmed, skipping empty ones', () => {
    expect(rowNames([row('a', { name: ' a ' }), row('b', {}), row('c', { name: 'c' })])).toEqual(['a', 'c']);
  });
});
