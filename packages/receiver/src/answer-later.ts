import type { EnvelopeContext } from './toolgate-envelope.js';

/** The response an async action's endpoint gives at once: `202 Accepted`, with what the agent says meanwhile. */
export interface AcceptedResponse {
  status: 202;
  body: { message?: string };
}

/** What Toolgate answered the callback. */
export interface CallbackOutcome {
  ok: boolean;
  status: number;
  /** Toolgate's error code when refused: `callback_used`, `callback_expired`, `not_found`. */
  code?: string;
}

/**
 * The two halves of an async answer: `accepted` to return now (202, optional message the agent
 * says), and `deliver` to POST the result later to the call's one-time `context.callback_url`.
 * The result is what a sync endpoint would have answered (`{data}`, `{message}`, or any JSON).
 *
 * @example
 * const later = answerLater(envelope.context);
 * setImmediate(async () => later.deliver({ data: await askWarehouse(envelope.parameters) }));
 * return later.accepted("I'm checking with the warehouse");
 */
export function answerLater(
  context: Pick<EnvelopeContext, 'callback_url' | 'call_id'>,
  options: { fetch?: typeof fetch } = {},
) {
  const url = context.callback_url;
  if (typeof url !== 'string' || url === '') {
    throw new TypeError(
      `call ${context.call_id} has no context.callback_url: the action is not async (set "async" on the action) or this is not a Toolgate call`,
    );
  }
  const send = options.fetch ?? fetch;
  return {
    accepted(message?: string): AcceptedResponse {
      return { status: 202, body: message === undefined ? {} : { message } };
    },
    /** POSTs the result once; a refusal (used, expired) is returned, not thrown. */
    async deliver(result: unknown): Promise<CallbackOutcome> {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(result),
      });
      if (response.ok) return { ok: true, status: response.status };
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      const code = body.error?.code;
      return { ok: false, status: response.status, ...(typeof code === 'string' ? { code } : {}) };
    },
  };
}
