import { toAgentAction } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import { toMcpTool, toolAnnotationsOf } from './action-tool.js';

const base = {
  name: 'change_booking',
  description: 'Change a booking the customer already has.',
  url: 'https://api.example.com/bookings',
};

describe('actions as MCP tools', () => {
  it('reads the hints from the method and the confirmation setting', () => {
    const hints = (extra: Record<string, unknown>) =>
      toolAnnotationsOf(toAgentAction({ ...base, ...extra } as Parameters<typeof toAgentAction>[0]));
    expect(hints({ method: 'GET' })).toEqual({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(hints({ method: 'DELETE', conversation: { confirmation: 'never' } })).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    expect(hints({ method: 'PUT' })).toMatchObject({ destructiveHint: true, idempotentHint: true });
    expect(hints({ method: 'POST' })).toMatchObject({ destructiveHint: true, idempotentHint: false });
    expect(hints({ method: 'PATCH', conversation: { confirmation: 'never' } })).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
    });
  });

  it("takes core's tool definition as the input schema, the display name as the title", () => {
    const tool = toMcpTool(
      toAgentAction({
        ...base,
        displayName: 'Change a booking',
        parameters: {
          type: 'object',
          properties: { phone: { type: 'string', format: 'phone' }, guests: { type: 'integer', minimum: 1 } },
          required: ['guests'],
        },
      } as Parameters<typeof toAgentAction>[0]),
    );
    expect(tool).toMatchObject({
      name: 'change_booking',
      title: 'Change a booking',
      description: base.description,
    });
    expect(tool.annotations?.title).toBe('Change a booking');
    expect(tool.inputSchema).toEqual({
      type: 'object',
      properties: {
        phone: { type: 'string', description: expect.stringContaining('Phone number') },
        guests: { type: 'integer', minimum: 1 },
      },
      required: ['guests'],
      additionalProperties: false,
    });
  });
});
