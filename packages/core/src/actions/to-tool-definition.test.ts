import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from './action-definition.js';
import { toOpenAIStrictToolDefinition, toToolDefinition } from './to-tool-definition.js';

const action: ActionDefinition = {
  name: 'book_delivery',
  displayName: 'Book a delivery',
  description: 'Book a delivery slot for an existing order.',
  url: 'https://api.example.com/orders/{order_number}/delivery',
  parameters: {
    type: 'object',
    properties: {
      order_number: {
        type: 'string',
        description: 'The order number',
        pattern: '^ORD-\\d+$',
        minLength: 5,
        maxLength: 20,
        examples: ['ORD-12345'],
      },
      phone: { type: 'string', format: 'phone', description: 'Where the driver can call' },
      email: { type: 'string', format: 'email' },
      day: { type: 'string', format: 'date', description: 'Delivery day.' },
      speed: { type: 'string', enum: ['standard', 'express'], description: 'How fast' },
      quantity: { type: 'integer', minimum: 1, maximum: 10, examples: [1, 2] },
      gift: { type: 'boolean' },
    },
    required: ['order_number', 'phone', 'speed'],
  },
  headers: { 'X-Api-Key': 'secret' },
};

describe('toToolDefinition', () => {
  it('gives name, description and a closed, clean copy of the schema', () => {
    expect(toToolDefinition(action)).toStrictEqual({
      name: 'book_delivery',
      description: 'Book a delivery slot for an existing order.',
      parameters: {
        type: 'object',
        properties: {
          order_number: {
            type: 'string',
            description: 'The order number',
            pattern: '^ORD-\\d+$',
            minLength: 5,
            maxLength: 20,
            examples: ['ORD-12345'],
          },
          phone: {
            type: 'string',
            description:
              'Where the driver can call. Phone number; any common format, international (+country code) preferred.',
          },
          email: { type: 'string', format: 'email' },
          day: { type: 'string', description: 'Delivery day.', format: 'date' },
          speed: { type: 'string', description: 'How fast', enum: ['standard', 'express'] },
          quantity: { type: 'integer', minimum: 1, maximum: 10, examples: [1, 2] },
          gift: { type: 'boolean' },
        },
        required: ['order_number', 'phone', 'speed'],
        additionalProperties: false,
      },
    });
  });

  it('shares nothing with the action, so the copy can be changed freely', () => {
    const tool = toToolDefinition(action);
    const speed = tool.parameters.properties.speed as { enum: string[] };
    speed.enum.push('overnight');
    tool.parameters.required.push('gift');
    expect(action.parameters?.properties.speed?.enum).toEqual(['standard', 'express']);
    expect(action.parameters?.required).toEqual(['order_number', 'phone', 'speed']);
  });

  it('gives the phone hint alone when there is no description', () => {
    const tool = toToolDefinition({
      ...action,
      parameters: { type: 'object', properties: { phone: { type: 'string', format: 'phone' } } },
    });
    expect(tool.parameters.properties.phone).toStrictEqual({
      type: 'string',
      description: 'Phone number; any common format, international (+country code) preferred.',
    });
  });

  it('gives an empty closed schema for an action without parameters', () => {
    expect(
      toToolDefinition({ name: 'ping', description: 'Ping.', url: 'https://x.example.com' }),
    ).toStrictEqual({
      name: 'ping',
      description: 'Ping.',
      parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
    });
  });
});

describe('toOpenAIStrictToolDefinition', () => {
  it('requires every property, makes optional ones nullable, keeps only strict keywords', () => {
    expect(toOpenAIStrictToolDefinition(action)).toStrictEqual({
      name: 'book_delivery',
      description: 'Book a delivery slot for an existing order.',
      parameters: {
        type: 'object',
        properties: {
          order_number: {
            type: 'string',
            description: 'The order number. Example: "ORD-12345".',
            pattern: '^ORD-\\d+$',
            minLength: 5,
            maxLength: 20,
          },
          phone: {
            type: 'string',
            description:
              'Where the driver can call. Phone number; any common format, international (+country code) preferred.',
          },
          email: {
            type: ['string', 'null'],
            description: 'Use null if the customer has not given it.',
            format: 'email',
          },
          day: {
            type: ['string', 'null'],
            description: 'Delivery day. Use null if the customer has not given it.',
            format: 'date',
          },
          speed: { type: 'string', description: 'How fast', enum: ['standard', 'express'] },
          quantity: {
            type: ['integer', 'null'],
            description: 'Examples: 1, 2. Use null if the customer has not given it.',
            minimum: 1,
            maximum: 10,
          },
          gift: { type: ['boolean', 'null'], description: 'Use null if the customer has not given it.' },
        },
        required: ['order_number', 'phone', 'email', 'day', 'speed', 'quantity', 'gift'],
        additionalProperties: false,
      },
      strict: true,
    });
  });

  it('adds null to the enum of an optional parameter', () => {
    const tool = toOpenAIStrictToolDefinition({
      ...action,
      parameters: {
        type: 'object',
        properties: {
          speed: { type: 'string', enum: ['standard', 'express'] },
          size: { type: 'integer', enum: [1, 2] },
        },
        required: ['size'],
      },
    });
    expect(tool.parameters.properties).toStrictEqual({
      speed: {
        type: ['string', 'null'],
        description: 'Use null if the customer has not given it.',
        enum: ['standard', 'express', null],
      },
      size: { type: 'integer', enum: [1, 2] },
    });
    expect(tool.parameters.required).toEqual(['speed', 'size']);
  });

  it('never carries keywords strict mode refuses', () => {
    const allowed = new Set([
      'type',
      'description',
      'enum',
      'pattern',
      'format',
      'minimum',
      'maximum',
      'minLength',
      'maxLength',
    ]);
    const tool = toOpenAIStrictToolDefinition(action);
    for (const schema of Object.values(tool.parameters.properties)) {
      for (const keyword of Object.keys(schema)) expect(allowed).toContain(keyword);
      if (schema.format !== undefined) expect(['email', 'date', 'date-time']).toContain(schema.format);
    }
  });

  it('does not change the action', () => {
    const before = structuredClone(action);
    toOpenAIStrictToolDefinition(action);
    toToolDefinition(action);
    expect(action).toStrictEqual(before);
  });
});
