import type { ActionDefinition, BuiltinTool, WebhookEvent } from '@toolgate/core';
import type { CallOrigin, CallRunner } from '../calls/call-runner.js';
import type { BackgroundWork } from './background-work.js';

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
 * and composes its data; the event is signed with the agent's secret and POSTed as
 * `{event, data, context}` in the background, recorded in the execution log like an action call.
 * The model hears at once that it was sent; the reply never waits for the destination.
 */
export function webhookTriggerTool(options: {
  tenantId: string;
  url: string;
  description?: string;
  /** Current first; two during a rotation. */
  signingSecrets: string[];
  origin: Omit<CallOrigin, 'callId'>;
  runner: CallRunner;
  background: BackgroundWork;
  onFailure(error: unknown): void;
  /** Told of each event sent (the `lead.captured` event to subscriptions); its promise is background work. */
  onSent?(event: WebhookEvent, callId: string): Promise<unknown>;
}): BuiltinTool {
  const action: ActionDefinition = {
    name: WEBHOOK_TRIGGER_TOOL,
    description: 'Sends an event to the business.',
    url: options.url,
    method: 'POST',
  };
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
      options.background.add(
        options.runner
          .deliver(
            options.tenantId,
            { action, event: checked, signingSecrets: options.signingSecrets },
            { ...options.origin, callId },
          )
          .catch(options.onFailure),
      );
      if (options.onSent) options.background.add(options.onSent(checked, callId).catch(options.onFailure));
      return { ok: true, content: { sent: true, event: checked.event } };
    },
  };
}
