/**
 * What the deliveries benchmark's worker runs: the product's own `webhook_trigger` handler (the
 * agent's destination and signing secrets loaded through the agent store's cache, the call
 * runner's `deliver`: outbound policy, Standard Webhooks signature, pinned connection, execution
 * log record), and the rows a turn would queue for it.
 */
import { randomUUID } from 'node:crypto';
import {
  createWebhookTriggerHandler,
  webhookTriggerDelivery,
} from '../packages/server/src/agents/webhook-trigger-delivery.js';
import type {
  DeliveryHandler,
  DeliveryKind,
  NewDelivery,
} from '../packages/server/src/deliveries/delivery-types.js';
import type { AppServices } from '../packages/server/src/http/app-env.js';

/** The row the `webhook_trigger` tool queues for event number `sequence` of a conversation. */
export function webhookTriggerRow(options: {
  tenantId: string;
  agentId: string;
  sequence: number;
}): NewDelivery {
  return webhookTriggerDelivery(options.tenantId, `call_${randomUUID().replaceAll('-', '')}`, {
    agentId: options.agentId,
    conversationId: 'conv_bench',
    event: { event: 'bench_event', data: { seq: options.sequence } },
  });
}

/** The handlers the benchmark's worker gets: the same as the server's for this kind. */
export function benchHandlers(services: AppServices): Partial<Record<DeliveryKind, DeliveryHandler>> {
  return {
    webhook_trigger: createWebhookTriggerHandler({ agents: services.agents, runner: services.runner }),
  };
}
