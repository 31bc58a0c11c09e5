/**
 * The 20 actions the embedded agent's benchmarks play against: the dialogue suite's catalogue
 * and two more, with the model made over them and the answer every call gets.
 */
import { type ActionDefinition, createEmbeddedModel, toAgentAction } from '../packages/core/src/index.js';
import { catalogueFor } from '../packages/server/src/test/dialogues/catalogue.js';

const base = catalogueFor('https://shop.example.com') as unknown as ActionDefinition[];
const extra: ActionDefinition[] = [
  {
    name: 'request_invoice_copy',
    displayName: 'Send an invoice copy',
    description: 'Email a copy of an invoice for an order to the customer.',
    url: 'https://shop.example.com/invoices',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        order_number: { type: 'string', description: 'Like ORD-12345' },
        email: { type: 'string', format: 'email' },
      },
      required: ['order_number', 'email'],
    },
  },
  {
    name: 'update_delivery_address',
    displayName: 'Change the delivery address',
    description: 'Change where an order that has not shipped yet is delivered.',
    url: 'https://shop.example.com/address',
    method: 'PATCH',
    parameters: {
      type: 'object',
      properties: {
        order_number: { type: 'string', description: 'Like ORD-12345' },
        address: { type: 'string' },
      },
      required: ['order_number', 'address'],
    },
  },
];
export const definitions = [...base, ...extra].slice(0, 20);
if (definitions.length !== 20) throw new Error(`expected 20 actions, built ${definitions.length}`);
export const actions = definitions.map(toAgentAction);
export const model = createEmbeddedModel({
  actions: definitions,
  timezone: 'America/New_York',
  defaultRegion: 'US',
});
export const answer = {
  ok: true,
  status: 200,
  data: { status: 'shipped', items: [{ sku: 'SKU-4471', qty: 1 }] },
};
