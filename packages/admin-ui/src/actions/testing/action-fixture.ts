import type { ActionView } from '../action-view';

/**
 * A saved action as `GET /actions/{id}` shows it, with every field set: secrets appear as
 * `{ "set": true }`. For the tests of the form's conversions.
 */
export function savedAction(definition: Record<string, unknown> = {}, enabled = true): ActionView {
  return {
    id: 'act_1',
    enabled,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    definition: {
      name: 'check_order_status',
      displayName: 'Check order status',
      description: 'Looks up the status of an order. Use it when a customer asks where their order is.',
      url: 'https://api.example.com/orders/{order_number}',
      method: 'POST',
      timeoutMs: 5000,
      parameters: {
        type: 'object',
        properties: {
          order_number: { type: 'string', description: 'e.g. ORD-12345', pattern: '^ORD-\\d+$' },
          phone: { type: 'string', format: 'phone' },
        },
        required: ['order_number'],
        additionalProperties: false,
      },
      headers: { 'X-Api-Key': { set: true }, 'X-Tenant': { set: true } },
      auth: { type: 'basic', username: 'shop', password: { set: true } },
      bodyTemplate: { order: '{{parameters.order_number}}' },
      followRedirects: true,
      signing: { hexSignatureHeader: true },
      enabled,
      conversation: {
        confirmation: 'always',
        messages: {
          start: 'Checking.',
          delayed: { afterMs: 2500, text: 'Still checking.' },
          failure: 'Sorry.',
        },
        responseFields: ['status', 'order.eta'],
        triggers: {
          phrases: ['where is my order'],
          entities: ['order_id', 'email'],
          requires: ['order_number'],
        },
        rateLimit: { calls: 3, windowMs: 60000 },
      },
      ...definition,
    },
  };
}
