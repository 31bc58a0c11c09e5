import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../http/call/action-result.js';
import { toAgentAction } from './agent-action.js';
import { shapeModelResult } from './shape-model-result.js';

const base = {
  callId: 'c',
  action: 'a',
  durationMs: 1,
  request: null,
  response: null,
  redirects: [],
  truncated: false,
};

describe('shapeModelResult', () => {
  it('keeps only the allowed fields, also inside lists and nested objects', () => {
    const result: ActionResult = {
      ...base,
      ok: true,
      status: 200,
      data: [{ status: 'shipped', order: { eta: 'Friday', cost: 3 }, secret_note: 'x' }, { status: 'open' }],
    };
    expect(shapeModelResult(result, { responseFields: ['status', 'order.eta'], maxChars: 4000 })).toEqual({
      ok: true,
      status: 200,
      data: [{ status: 'shipped', order: { eta: 'Friday' } }, { status: 'open' }],
    });
  });

  it('caps what the model reads and says so', () => {
    const result: ActionResult = { ...base, ok: true, status: 200, data: { text: 'y'.repeat(10_000) } };
    const shaped = shapeModelResult(result, { maxChars: 100 });
    expect(shaped).toMatchObject({ ok: true, truncated: true });
    expect(JSON.stringify(shaped).length).toBeLessThan(200);
  });
});

describe('toAgentAction', () => {
  it('lifts the conversation settings out of the definition', () => {
    const action = toAgentAction({
      name: 'cancel_order',
      description: 'Cancel an order.',
      url: 'https://api.example.com/cancel',
      conversation: {
        confirmation: 'never',
        responseFields: ['status'],
        rateLimit: { calls: 1, windowMs: 60_000 },
      },
    });
    expect(action).toMatchObject({
      confirmation: 'never',
      responseFields: ['status'],
      rateLimit: { calls: 1, windowMs: 60_000 },
    });
  });
});
