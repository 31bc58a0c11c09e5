import type { AppServices } from '../http/app-env.js';
import { DEFAULT_TENANT_ID } from '../stores/tenant-store.js';

export const DEMO_ACTION_NAME = 'check_order_status';
export const DEMO_AGENT_NAME = 'Demo shop assistant';
const ACTOR = 'system:demo';

/**
 * The demo on a fresh installation: an order-status action pointed at the demo endpoint and an
 * agent that uses it, in the default tenant. Clearly labelled as the demo; delete them freely.
 */
export async function seedDemo(services: AppServices, url: string): Promise<void> {
  const { action } = await services.actions.create(
    DEFAULT_TENANT_ID,
    {
      name: DEMO_ACTION_NAME,
      displayName: 'Check order status (demo)',
      description:
        'Look up the status and delivery date of an order in the demo shop when the customer asks where their order is. Demo data: try ORD-12345.',
      url,
      method: 'GET',
      timeoutMs: 5_000,
      parameters: {
        type: 'object',
        properties: {
          order_number: {
            type: 'string',
            description: 'The order number, like ORD-12345',
            pattern: '^ORD-\\d+$',
            examples: ['ORD-12345'],
          },
        },
        required: ['order_number'],
      },
      conversation: {
        confirmation: 'never',
        messages: {
          start: 'Let me look that up.',
          delayed: { afterMs: 1_500, text: 'Still checking, one moment.' },
        },
        responseFields: ['order_number', 'status', 'estimated_delivery', 'carrier'],
      },
    },
    ACTOR,
  );
  await services.agents.create(
    DEFAULT_TENANT_ID,
    {
      name: DEMO_AGENT_NAME,
      actions: [action.id],
      greeting: 'Hi! I am the demo shop assistant. Ask me where your order is (try ORD-12345).',
      fallbackText: 'Sorry, I cannot answer right now. Please try again in a moment.',
    },
    ACTOR,
  );
}

/** Points the demo action at the endpoint's current URL (its port can change between starts). */
export async function repointDemo(services: AppServices, url: string): Promise<void> {
  const [action] = (await services.actions.list(DEFAULT_TENANT_ID)).filter(
    (candidate) => candidate.definition.name === DEMO_ACTION_NAME && candidate.definition.url !== url,
  );
  if (action && String(action.definition.url).startsWith('https://127.0.0.1:')) {
    await services.actions.update(DEFAULT_TENANT_ID, action.id, { url }, ACTOR);
  }
}
