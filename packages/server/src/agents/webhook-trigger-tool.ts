import type { BuiltinTool, WebhookEvent } from '@toolgate/core';
import type { NewDelivery } from '../deliveries/delivery-types.js';
import { webhookTriggerDelivery } from './webhook-trigger-delivery.js';

export const WEBHOOK_TRIGGER_TOOL = 'webhook_trigger';
/** The largest `data` a model may send, as JSON. */
export const MAX_WEBHOOK_DATA_BYTES = 16 * 1024;
const EVENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** Checks what the model composed; returns the event or what is wrong with it. */
export function checkWebhookEvent(args: Record<string, unknown>): WebhookEvent | string {
  const { event, data = {} } = args;
  const extra = Object.keys(args).filter((key) => key !== 'event' && key !== 'data');
  if (extra.length > 0)
    return `${extra.map((key) => `/${key}`).join(', ')}: not a field of the event; use /data`;
  if (typeof event !== 'string' || !EVENT_NAME.test(event)) {
    return '/event: must be a short name of letters, digits, _ . : - (e.g. lead_captured)';
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return '/data: must be a JSON object';
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_WEBHOOK_DATA_BYTES) {
    return `/data: must be at most ${MAX_WEBHOOK_DATA_BYTES} bytes of JSON`;
  }
  return { event, data: data as Record<string, unknown> };
}

/**
 * The built-in `webhook_trigger` tool of an agent with a destination: the model names an event
 * and composes its data; the event is queued as a `webhook_trigger` delivery (`queue`), which the
 * turn writes in the same transaction as its messages; the delivery worker signs it with the
 * agent's secret, POSTs `{event, data, context}` with retries, and records it in the execution
 * log like an action call. The model hears at once that it was sent; the reply never waits for
 * the destination, and a turn that is dropped drops its events too.
 */
export function webhookTriggerTool(options: {
  tenantId: string;
  description?: string;
  origin: { agentId: string; conversationId: string; contactId?: string };
  /** Keeps the delivery for the turn's transaction. */
  queue(delivery: NewDelivery): void;
  /** Told of each event queued (the `lead.captured` event to subscriptions, written with the turn). */
  onSent?(event: WebhookEvent, callId: string): void;
}): BuiltinTool {
  return {
    definition: {
      name: WEBHOOK_TRIGGER_TOOL,
      description: [
        "Notify the business's own system of something that happened in this conversation (a lead, a request for a person, a complaint).",
        'Give a short event name and the details as a JSON object; the customer does not see it.',
        options.description ?? '',
      ]
        .join(' ')
        .trim(),
      parameters: {
        type: 'object',
        properties: {
          event: { type: 'string', description: 'A short event name, e.g. lead_captured.' },
          data: { type: 'object', description: 'The details, as a JSON object.' },
        },
        required: ['event'],
        additionalProperties: false,
      },
    },
    async run(args, callId) {
      const checked = checkWebhookEvent(args);
      if (typeof checked === 'string') return { ok: false, message: checked };
      options.queue(
        webhookTriggerDelivery(options.tenantId, callId, {
          ...options.origin,
          event: checked,
        }),
      );
      options.onSent?.(checked, callId);
      return { ok: true, content: { sent: true, event: checked.event } };
    },
  };
}
