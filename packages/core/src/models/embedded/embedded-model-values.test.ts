import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { createEmbeddedModel } from './embedded-model.js';

const orderStatus: ActionDefinition = {
  name: 'order_status',
  description: 'Look up the status of an order by its number (like ORD-12345).',
  url: 'https://shop.example/orders/{order}',
  parameters: { type: 'object', properties: { order: { type: 'string', description: 'The order' } } },
};

/** The arguments the embedded model proposes for one customer message. */
async function argumentsFor(action: ActionDefinition, text: string): Promise<unknown> {
  const model = createEmbeddedModel({ actions: [action], now: () => new Date('2026-03-20T10:00:00Z') });
  const response = await model.respond({
    system: '',
    messages: [{ role: 'user', content: text }],
    tools: [],
    state: undefined,
  });
  return response.toolCalls[0]?.arguments;
}

describe('the embedded model reads values with the action in mind', () => {
  it("shapes an id by the example in the action's description", async () => {
    expect(await argumentsFor(orderStatus, 'what is the status of order ord 77?')).toEqual({
      order: 'ORD-77',
    });
  });
});
