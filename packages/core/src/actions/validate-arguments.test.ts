import { describe, expect, it } from 'vitest';
import { ToolgateError } from '../errors.js';
import type { ActionDefinition, ParametersSchema } from './action-definition.js';
import { type ArgumentOptions, validateArguments } from './validate-arguments.js';

const parameters: ParametersSchema = {
  type: 'object',
  properties: {
    order_number: {
      type: 'string',
      description: 'The order number, e.g. ORD-12345',
      pattern: '^ORD-\\d+$',
      examples: ['ORD-12345'],
    },
    phone: { type: 'string', format: 'phone', description: 'A number the driver can call' },
    email: { type: 'string', format: 'email' },
    delivery_date: { type: 'string', format: 'date' },
    slot: { type: 'string', format: 'date-time' },
    speed: { type: 'string', enum: ['standard', 'express'] },
    quantity: { type: 'integer', minimum: 1, maximum: 10 },
    price: { type: 'number' },
    gift: { type: 'boolean' },
    note: { type: 'string', minLength: 1, maxLength: 10 },
    code: { type: 'string', pattern: '^[A-Z]{3}$' },
    size: { type: 'integer', enum: [1, 2, 3] },
  },
  required: ['order_number', 'phone'],
};

const action: ActionDefinition = {
  name: 'book_delivery',
  description: 'Book a delivery slot.',
  url: 'https://api.example.com/orders/{order_number}/delivery',
  parameters,
};

/** Saturday 2026-03-07, noon in New York; daylight saving time starts that night. */
const options: ArgumentOptions = {
  referenceDate: new Date('2026-03-07T17:00:00Z'),
  timezone: 'America/New_York',
};

const base = { order_number: 'ORD-12345', phone: '+14155550132' };

/** The invalid entries for `base` plus the given arguments. */
function invalidWith(args: Record<string, unknown>) {
  const result = validateArguments(action, { ...base, ...args }, options);
  if (result.valid) throw new Error(`expected invalid arguments, got ${JSON.stringify(result.value)}`);
  expect(result.missing).toEqual([]);
  return result.invalid;
}

describe('validateArguments', () => {
  it('normalizes every kind of value before validating', () => {
    const result = validateArguments(
      action,
      {
        order_number: '  ORD-123 ',
        phone: '(415) 555-0132',
        email: 'ana@example.com',
        delivery_date: 'tomorrow',
        slot: 'tomorrow at 3pm',
        speed: 'express',
        quantity: ' 2 ',
        price: '9.50',
        gift: 'TRUE',
        note: 'Side door',
        code: 'ABC',
        size: 3,
      },
      options,
    );
    expect(result).toStrictEqual({
      valid: true,
      value: {
        order_number: 'ORD-123',
        phone: '+14155550132',
        email: 'ana@example.com',
        delivery_date: '2026-03-08',
        slot: '2026-03-08T15:00:00-04:00',
        speed: 'express',
        quantity: 2,
        price: 9.5,
        gift: true,
        note: 'Side door',
        code: 'ABC',
        size: 3,
      },
    });
  });

  it('accepts the parameters schema itself as well as the action', () => {
    expect(validateArguments(parameters, base, options)).toStrictEqual({ valid: true, value: base });
  });

  it('reads dates in UTC and phones in the US by default', () => {
    const result = validateArguments(parameters, {
      ...base,
      phone: '415 555 0132',
      slot: '2026-03-25 15:00',
    });
    expect(result).toStrictEqual({
      valid: true,
      value: { order_number: 'ORD-12345', phone: '+14155550132', slot: '2026-03-25T15:00:00Z' },
    });
  });

  it('reads phones without a country code in the region given', () => {
    const result = validateArguments(
      action,
      { ...base, phone: '020 7946 0958' },
      { ...options, defaultRegion: 'GB' },
    );
    expect(result.valid && result.value.phone).toBe('+442079460958');
  });

  it('turns a number given for a string into its text', () => {
    const result = validateArguments(action, { order_number: 12345, phone: 4155550132 }, options);
    expect(result).toMatchObject({ valid: false, invalid: [{ name: 'order_number', received: 12345 }] });
    const numeric = validateArguments(
      { type: 'object', properties: { id: { type: 'string' } } },
      { id: 12345 },
      options,
    );
    expect(numeric).toStrictEqual({ valid: true, value: { id: '12345' } });
    const phone = validateArguments(action, { ...base, phone: 4155550132 }, options);
    expect(phone.valid && phone.value.phone).toBe('+14155550132');
  });

  it("never changes the caller's object", () => {
    const args = Object.freeze({ ...base, quantity: '3', gift: 'false', delivery_date: 'March 25' });
    const copy = structuredClone(args);
    const result = validateArguments(action, args, options);
    expect(args).toStrictEqual(copy);
    expect(result.valid && result.value).not.toBe(args);
  });

  it('treats null, undefined, empty and blank required arguments as missing', () => {
    for (const value of [null, undefined, '', '   \n']) {
      const result = validateArguments(action, { ...base, order_number: value }, options);
      expect(result).toStrictEqual({
        valid: false,
        missing: [
          {
            name: 'order_number',
            description: 'The order number, e.g. ORD-12345',
            schema: parameters.properties.order_number,
          },
        ],
        invalid: [],
        issues: [{ path: '/order_number', message: 'is required' }],
      });
    }
  });

  it('lists every missing argument in the order of the parameters, without a description when there is none', () => {
    const result = validateArguments(
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['b', 'a'] },
      {},
      options,
    );
    expect(result).toStrictEqual({
      valid: false,
      missing: [
        { name: 'a', schema: { type: 'string' } },
        { name: 'b', schema: { type: 'integer' } },
      ],
      invalid: [],
      issues: [
        { path: '/a', message: 'is required' },
        { path: '/b', message: 'is required' },
      ],
    });
  });

  it('leaves out blank optional arguments', () => {
    expect(
      validateArguments(action, { ...base, note: '', email: null, speed: undefined }, options),
    ).toStrictEqual({
      valid: true,
      value: base,
    });
  });

  it('refuses names that are not parameters of the action', () => {
    expect(invalidWith({ order_id: 'ORD-1', __proto__: 'x' })).toEqual([
      {
        name: 'order_id',
        path: '/order_id',
        message: 'is not a parameter of this action',
        received: 'ORD-1',
      },
    ]);
    const parsed = JSON.parse('{"order_number":"ORD-1","phone":"+14155550132","__proto__":{"x":1}}');
    expect(validateArguments(action, parsed, options)).toMatchObject({
      valid: false,
      invalid: [{ name: '__proto__', path: '/__proto__', message: 'is not a parameter of this action' }],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an enum', { speed: 'overnight' }, 'must be one of: standard, express'],
    ['an email', { email: 'ana@' }, 'must be an email address'],
    ['an unreadable phone', { phone: '12345' }, 'must be a phone number (e.g. +14155550123)'],
    [
      'an E.164-shaped but impossible phone',
      { phone: '+10000000000' },
      'must be a phone number (e.g. +14155550123)',
    ],
    ['an unreadable date', { delivery_date: 'whenever' }, 'must be a date (e.g. 2026-03-25)'],
    ['an impossible date', { delivery_date: '2026-02-30' }, 'must be a date (e.g. 2026-03-25)'],
    ['an unreadable date-time', { slot: 'soonish' }, 'must be a date and time (e.g. 2026-03-25T15:00:00Z)'],
    [
      'a date given for a date-time',
      { slot: 'tomorrow' },
      'must include a time of day as well as the date (e.g. 2026-03-25T15:00:00Z)',
    ],
    ['a pattern with an example', { order_number: '12345' }, 'must look like "ORD-12345"'],
    ['a pattern without an example', { code: 'abcd' }, 'must match the pattern ^[A-Z]{3}$'],
    ['a minimum', { quantity: '0' }, 'must be at least 1'],
    ['a maximum', { quantity: 11 }, 'must be at most 10'],
    ['an integer given a fraction', { quantity: 2.5 }, 'must be a whole number'],
    ['an integer given a word', { quantity: 'two' }, 'must be a whole number'],
    ['an integer given true', { quantity: true }, 'must be a whole number'],
    ['an integer given hex', { quantity: '0x10' }, 'must be a whole number'],
    ['a number given Infinity', { price: 'Infinity' }, 'must be a number'],
    ['a boolean given yes', { gift: 'yes' }, 'must be true or false'],
    ['a boolean given 1', { gift: 1 }, 'must be true or false'],
    ['a string given an object', { note: { text: 'hi' } }, 'must be text'],
    ['a string given a boolean', { note: true }, 'must be text'],
    ['a maximum length', { note: 'x'.repeat(11) }, 'must be at most 10 characters'],
  ])('explains %s in plain English', (_label, args, message) => {
    const [name] = Object.keys(args) as [string];
    expect(invalidWith(args)).toEqual([{ name, path: `/${name}`, message, received: args[name] }]);
  });

  it('says "character" for a limit of one', () => {
    const result = validateArguments(
      { type: 'object', properties: { initial: { type: 'string', maxLength: 1 } } },
      { initial: 'AB' },
      options,
    );
    expect(result).toMatchObject({ valid: false, invalid: [{ message: 'must be at most 1 character' }] });
  });

  it('reports only the type when a value of the wrong type also misses an enum', () => {
    expect(invalidWith({ size: 'large' })).toEqual([
      { name: 'size', path: '/size', message: 'must be a whole number', received: 'large' },
    ]);
  });

  it('reports several problems of one value together', () => {
    const result = validateArguments(
      { type: 'object', properties: { code: { type: 'string', minLength: 3, pattern: '^[A-Z]+$' } } },
      { code: 'a' },
      options,
    );
    expect(result).toMatchObject({
      valid: false,
      invalid: [
        { name: 'code', message: 'must be at least 3 characters' },
        { name: 'code', message: 'must match the pattern ^[A-Z]+$' },
      ],
    });
  });

  it('reports everything wrong at once, ready to become questions', () => {
    const result = validateArguments(
      action,
      { order_number: ' ', email: 'nope', speed: 'fast', quantity: 0, colour: 'red' },
      options,
    );
    expect(result).toStrictEqual({
      valid: false,
      missing: [
        {
          name: 'order_number',
          description: 'The order number, e.g. ORD-12345',
          schema: parameters.properties.order_number,
        },
        { name: 'phone', description: 'A number the driver can call', schema: parameters.properties.phone },
      ],
      invalid: [
        { name: 'email', path: '/email', message: 'must be an email address', received: 'nope' },
        { name: 'speed', path: '/speed', message: 'must be one of: standard, express', received: 'fast' },
        { name: 'quantity', path: '/quantity', message: 'must be at least 1', received: 0 },
        { name: 'colour', path: '/colour', message: 'is not a parameter of this action', received: 'red' },
      ],
      issues: [
        { path: '/order_number', message: 'is required' },
        { path: '/phone', message: 'is required' },
        { path: '/email', message: 'must be an email address' },
        { path: '/speed', message: 'must be one of: standard, express' },
        { path: '/quantity', message: 'must be at least 1' },
        { path: '/colour', message: 'is not a parameter of this action' },
      ],
    });
  });

  it.each([null, [], 'ORD-1', 42])('refuses %j as the arguments', (args) => {
    const issue = { path: '', message: 'must be a JSON object of parameter names to values' };
    expect(validateArguments(action, args, options)).toStrictEqual({
      valid: false,
      missing: [],
      invalid: [{ name: '', ...issue, received: args }],
      issues: [issue],
    });
  });

  it('handles an action without parameters', () => {
    const ping: ActionDefinition = {
      name: 'ping',
      description: 'Ping.',
      url: 'https://api.example.com/ping',
    };
    expect(validateArguments(ping, {}, options)).toStrictEqual({ valid: true, value: {} });
    expect(validateArguments(ping, { x: 1 }, options)).toMatchObject({
      valid: false,
      invalid: [{ name: 'x' }],
    });
  });

  it('throws for an unknown time zone, a bug in the caller', () => {
    let thrown: unknown;
    try {
      validateArguments(action, base, { timezone: 'Mars/Olympus_Mons' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToolgateError);
    expect((thrown as ToolgateError).code).toBe('invalid_option');
  });
});
