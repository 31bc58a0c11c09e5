/**
 * What the deliveries benchmark's worker runs for a `webhook_trigger` row, and the row's payload.
 * Until the queue's own handler is wired, a stand-in that sends the way the tool does today: the
 * call runner's `deliver` (executor: outbound policy, Standard Webhooks signature, pinned
 * connection; then the execution log record), with the delivery id as the call id and webhook-id.
 */
import type { ActionDefinition } from '../packages/core/src/index.js';
import type { DeliveryHandler, DeliveryKind } from '../packages/server/src/deliveries/delivery-types.js';
import type { AppServices } from '../packages/server/src/http/app-env.js';

/** A `webhook_trigger` row's payload for event number `sequence`. */
export function webhookTriggerPayload(options: { url: string; secret: string; sequence: number }) {
  return {
    url: options.url,
    signingSecrets: [options.secret],
    event: { event: 'bench_event', data: { seq: options.sequence } },
  };
}

/** The handlers the benchmark's worker gets. */
export function benchHandlers(services: AppServices): Partial<Record<DeliveryKind, DeliveryHandler>> {
  return {
    async webhook_trigger(delivery) {
      const payload = delivery.payload as ReturnType<typeof webhookTriggerPayload>;
      const action: ActionDefinition = {
        name: 'webhook_trigger',
        description: 'Sends an event to the business.',
        url: payload.url,
        method: 'POST',
      };
      const { result } = await services.runner.deliver(
        delivery.tenantId,
        { action, event: payload.event, signingSecrets: payload.signingSecrets },
        { trigger: 'ai_intent', callId: delivery.id },
      );
      if (result.ok) return { kind: 'delivered', status: result.status };
      return {
        kind: 'retry',
        error: result.failure.message,
        ...(result.status === null ? {} : { status: result.status }),
      };
    },
  };
}
