import { describe, expect, it } from 'vitest';
import { remoteNeedsConfirmation, remoteParameters, remoteToolAction } from './remote-tool-action.js';

describe('remoteNeedsConfirmation', () => {
  it('under auto, follows the hints with the MCP defaults (destructive unless said otherwise)', () => {
    expect(remoteNeedsConfirmation('auto', undefined)).toBe(true);
    expect(remoteNeedsConfirmation('auto', {})).toBe(true);
    expect(remoteNeedsConfirmation('auto', { readOnlyHint: true })).toBe(false);
    expect(remoteNeedsConfirmation('auto', { readOnlyHint: true, destructiveHint: true })).toBe(false);
    expect(remoteNeedsConfirmation('auto', { readOnlyHint: false })).toBe(true);
    expect(remoteNeedsConfirmation('auto', { destructiveHint: false })).toBe(false);
    expect(remoteNeedsConfirmation('auto', { idempotentHint: true })).toBe(true);
  });

  it('always and never ignore the hints', () => {
    expect(remoteNeedsConfirmation('always', { readOnlyHint: true })).toBe(true);
    expect(remoteNeedsConfirmation('never', { destructiveHint: true })).toBe(false);
  });
});

describe('remoteParameters', () => {
  it("takes scalar properties' type, enum, description, a known format and required", () => {
    expect(
      remoteParameters({
        type: 'object',
        properties: {
          city: { type: 'string', description: 'The city' },
          unit: { type: 'string', enum: ['c', 'f'] },
          day: { type: 'string', format: 'date' },
          phone: { type: 'string', format: 'phone' },
          days: { type: 'integer', minimum: 1 },
        },
        required: ['city'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        city: { type: 'string', description: 'The city' },
        unit: { type: 'string', enum: ['c', 'f'] },
        day: { type: 'string', format: 'date' },
        phone: { type: 'string' },
        days: { type: 'integer' },
      },
      required: ['city'],
    });
    expect(remoteParameters({ type: 'object' })).toEqual({ type: 'object', properties: {} });
  });

  it('gives up on a property that is not a scalar of one type', () => {
    const of = (schema: Record<string, unknown>) =>
      remoteParameters({ type: 'object', properties: { x: schema } });
    expect(of({ type: 'object', properties: {} })).toBeUndefined();
    expect(of({ type: 'array', items: { type: 'string' } })).toBeUndefined();
    expect(of({ type: ['string', 'null'] })).toBeUndefined();
    expect(of({ anyOf: [{ type: 'string' }] })).toBeUndefined();
    expect(of({ type: 'string', enum: ['a', null] })).toBeUndefined();
  });
});

describe('remoteToolAction', () => {
  it('is named as offered, labelled by the remote name, confirmed as the setting decided', () => {
    const action = remoteToolAction(
      {
        name: 'shop__cancel_order',
        remoteName: 'cancel_order',
        description: 'Cancel an order.',
        inputSchema: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
        confirm: true,
      },
      { url: 'https://mcp.example.com/mcp' },
    );
    expect(action).toEqual({
      definition: {
        name: 'shop__cancel_order',
        displayName: 'cancel order',
        description: 'Cancel an order.',
        url: 'https://mcp.example.com/mcp',
        parameters: {
          type: 'object',
          properties: { order_id: { type: 'string' } },
          required: ['order_id'],
        },
      },
      confirmation: 'always',
    });
  });
});
