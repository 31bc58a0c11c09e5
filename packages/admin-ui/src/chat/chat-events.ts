import { isRecord } from '../actions/json-values';
import type { StreamEvent } from '../api/sse-lines';

/**
 * The events of a streamed turn (`POST /conversations/{id}/messages` with
 * `Accept: text/event-stream`), checked: core's `TurnEvent`s, then `done` or `error`.
 */
export type ChatEvent =
  | { type: 'action-started'; action: string; callId: string; arguments: Record<string, unknown> }
  | { type: 'action-delayed'; action: string; callId: string; text: string }
  | { type: 'action-completed'; action: string; callId: string; result: unknown }
  | { type: 'action-failed'; action: string; callId: string; failure: { kind: string; message: string } }
  | { type: 'approval-requested'; action: string; arguments: Record<string, unknown>; text: string }
  | { type: 'message'; text: string; reason: MessageReason }
  | { type: 'limit-reached'; action: string; message: string }
  | { type: 'model-error'; message: string }
  | { type: 'debug'; step: number; data: Record<string, unknown> }
  | { type: 'done'; reply: string }
  | { type: 'error'; code: string; message: string };

export type MessageReason = 'start' | 'delayed' | 'failure' | 'reply';

const REASONS: readonly MessageReason[] = ['start', 'delayed', 'failure', 'reply'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** The action and call id every action event has; `undefined` without them. */
function callOf(data: Record<string, unknown>): { action: string; callId: string } | undefined {
  return typeof data.action === 'string' && typeof data.callId === 'string'
    ? { action: data.action, callId: data.callId }
    : undefined;
}

function errorOf(data: Record<string, unknown>): ChatEvent {
  const error = record(data.error);
  return {
    type: 'error',
    code: text(error.code) || 'internal',
    message: text(error.message) || 'the turn failed',
  };
}

/**
 * One streamed event as a `ChatEvent`, by the event's name; `undefined` for an event this app does
 * not know (a newer server) or one missing what it must carry.
 *
 * @example
 * toChatEvent({ event: 'done', data: { reply: 'Shipped.' } }); // { type: 'done', reply: 'Shipped.' }
 */
export function toChatEvent({ event, data: raw }: StreamEvent): ChatEvent | undefined {
  const data = record(raw);
  const call = callOf(data);
  switch (event) {
    case 'action-started':
      return call && { type: event, ...call, arguments: record(data.arguments) };
    case 'action-delayed':
      return call && { type: event, ...call, text: text(data.text) };
    case 'action-completed':
      return call && { type: event, ...call, result: data.result };
    case 'action-failed': {
      const failure = record(data.failure);
      return (
        call && {
          type: event,
          ...call,
          failure: { kind: text(failure.kind), message: text(failure.message) },
        }
      );
    }
    case 'approval-requested':
      return typeof data.action === 'string'
        ? { type: event, action: data.action, arguments: record(data.arguments), text: text(data.text) }
        : undefined;
    case 'message': {
      const reason = REASONS.find((known) => known === data.reason);
      return reason && typeof data.text === 'string' ? { type: event, text: data.text, reason } : undefined;
    }
    case 'limit-reached':
      return { type: event, action: text(data.action), message: text(data.message) };
    case 'model-error':
      return { type: event, message: text(data.message) };
    case 'debug':
      return typeof data.step === 'number'
        ? { type: event, step: data.step, data: record(data.data) }
        : undefined;
    case 'done':
      return typeof data.reply === 'string' ? { type: event, reply: data.reply } : undefined;
    case 'error':
      return errorOf(data);
    default:
      return undefined;
  }
}
