import { describe, expect, it } from 'vitest';
import { idempotentCallId } from '../agents/tool-call-service.js';
import { type OpenAITool, toExternalTool } from './tool-formats.js';

const definition = {
  name: 'book_table',
  description: 'Book a table for the customer.',
  url: 'https://shop.example.com/book',
  parameters: {
    type: 'object' as const,
    properties: {
      phone: { type: 'string' as const, format: 'phone' as const, description: 'Where to call back' },
      note: { type: 'string' as const, examples: ['window seat'] },
    },
    required: ['phone'],
  },
};

describe('toExternalTool', () => {
  it("wraps core's tool definition for Anthropic, the phone format said in words", () => {
    const tool = toExternalTool(definition, 'anthropic');
    expect(tool).toEqual({
      name: 'book_table',
      description: 'Book a table for the customer.',
      input_schema: {
        type: 'object',
        properties: {
          phone: {
            type: 'string',
            description:
              'Where to call back. Phone number; any common format, international (+country code) preferred.',
          },
          note: { type: 'string', examples: ['window seat'] },
        },
        required: ['phone'],
        additionalProperties: false,
      },
    });
  });

  it('uses the strict variant for OpenAI on request: all required, optional ones nullable', () => {
    const tool = toExternalTool(definition, 'openai', { strict: true });
    expect(tool).toMatchObject({ type: 'function', function: { name: 'book_table', strict: true } });
    const parameters = (tool as OpenAITool).function.parameters;
    expect(parameters.required).toEqual(['phone', 'note']);
    expect(parameters.properties.note?.type).toEqual(['string', 'null']);
    expect(toExternalTool(definition, 'openai')).not.toHaveProperty('function.strict');
  });
});

describe('idempotentCallId', () => {
  it('is stable per tenant and key, differs across tenants, and is shaped like a call id', () => {
    const id = idempotentCallId('tenant_a', 'key-1');
    expect(id).toMatch(/^call_[0-9a-f]{32}$/);
    expect(idempotentCallId('tenant_a', 'key-1')).toBe(id);
    expect(idempotentCallId('tenant_b', 'key-1')).not.toBe(id);
    expect(idempotentCallId('tenant_a', 'key-2')).not.toBe(id);
  });
});
