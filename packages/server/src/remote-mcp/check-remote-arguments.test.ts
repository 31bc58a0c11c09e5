import { describe, expect, it } from 'vitest';
import { checkRemoteArguments } from './check-remote-arguments.js';

const schema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    days: { type: 'integer' },
    unit: { type: 'string', enum: ['C', 'F'] },
    note: { type: ['string', 'null'] },
    filters: { type: 'object' },
  },
  required: ['city'],
  additionalProperties: false,
};

describe('checkRemoteArguments', () => {
  it('accepts arguments that fit, and leaves unknown types to the server', () => {
    expect(
      checkRemoteArguments(schema, { city: 'Paris', days: 3, unit: 'C', note: null, filters: {} }),
    ).toEqual([]);
    expect(
      checkRemoteArguments({ type: 'object', properties: { x: { type: 'decimal' } } }, { x: 'y' }),
    ).toEqual([]);
    expect(checkRemoteArguments(undefined, { anything: 1 })).toEqual([]);
  });

  it('names every missing, mistyped, out-of-enum and unknown argument', () => {
    expect(checkRemoteArguments(schema, { days: 1.5, unit: 'K', note: 4, filters: [], extra: true })).toEqual(
      [
        { path: '/city', message: 'is required' },
        { path: '/days', message: 'must be a whole number' },
        { path: '/unit', message: 'must be one of: "C", "F"' },
        { path: '/note', message: 'must be a text or null' },
        { path: '/filters', message: 'must be an object' },
        { path: '/extra', message: 'is not a parameter of this tool' },
      ],
    );
  });

  it('lets unknown arguments through when the schema does not close the object', () => {
    expect(checkRemoteArguments({ type: 'object', properties: {} }, { extra: true })).toEqual([]);
  });
});
