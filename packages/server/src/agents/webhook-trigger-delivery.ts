import type { ActionDefinition, WebhookEvent } from '@toolgate/core';
import { NotFoundError } from '@toolgate/core';
import type { CallRunner } from '../calls/call-runner.js';
import { outcomeOfActionResult } from '../deliveries/classify-http-outcome.js';
import type { DeliveryHandler, NewDelivery } from '../deliveries/delivery-types.js';
import type { AgentStore } from '../stores/agent-store.js';

/** What a `webhook_trigger` row carries: who sent it and the event; no secret, no URL. */
export interface WebhookTriggerPayload {
  agentId: string;
  conversationId: string;
  contactId?: string;
  event: WebhookEvent;
}

/** The row the `webhook_trigger` tool queues; `callId` becomes the delivery id (`webhook-id`). */
export function webhookTriggerDelivery(
  tenantId: string,
  callId: string,
  payload: WebhookTriggerPayload,
): NewDelivery {
  return {
    id: callId,
    tenantId,
    kind: 'webhook_trigger',
    eventType: payload.event.event,
    payload: payload as unknown as Record<string, unknown>,
  };
}

/**
 * Sends a queued `webhook_trigger` event: loads the agent (its current destination and signing
 * secrets), POSTs `{event, data, context}` through the call runner (the one outbound policy,
 * recorded in the execution log under the delivery id) and classifies the result. Every attempt
 * carries the delivery id as `webhook-id` and `Idempotency-Key`.
 */
export function createWebhookTriggerHandler(deps: {
  agents: AgentStore;
  runner: CallRunner;
}): DeliveryHandler {
  return async (delivery) => {
    const payload = delivery.payload as unknown as WebhookTriggerPayload;
    let agent: Awaited<ReturnType<AgentStore['loadForTurn']>>;
    try {
      agent = await deps.agents.loadForTurn(delivery.tenantId, payload.agentId);
    } catch (error) {
      if (error instanceof NotFoundError) return { kind: 'failed', error: 'the agent no longer exists' };
      throw error;
    }
    const trigger = agent.settings.webhookTrigger;
    if (!trigger) return { kind: 'failed', error: 'the agent no longer has a webhook trigger' };
    const action: ActionDefinition = {
      name: 'webhook_trigger',
      description: 'Sends an event to the business.',
      url: trigger.url,
      method: 'POST',
    };
    const { result } = await deps.runner.deliver(
      delivery.tenantId,
      { action, event: payload.event, signingSecrets: agent.signingSecrets },
      {
        trigger: 'ai_intent',
        agentId: payload.agentId,
        conversationId: payload.conversationId,
        ...(payload.contactId ? { contactId: payload.contactId } : {}),
        callId: delivery.id,
        timestamp: delivery.createdAt,
      },
    );
    return outcomeOfActionResult(result);
  };
}
