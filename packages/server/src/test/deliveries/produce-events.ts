import { Agent, request } from 'undici';
import { probeMessage } from './trigger-model.js';

/** What producing came to. */
export interface Production {
  /** Sequence number -> when the server acknowledged its turn (ms since the epoch). */
  acknowledged: Map<number, number>;
  /** Requests that failed (instance down, 5xx) and were sent again. */
  resent: number;
}

/** Where and how to produce events. */
export interface ProduceOptions {
  /** How many events: sequence numbers 1..count. */
  count: number;
  /** Turns in flight at once. */
  concurrency: number;
  /** A conversation takes this many events, then a new one starts (histories stay short). */
  eventsPerConversation: number;
  /** Base URLs of the instances; turns go round-robin, a failed one is sent to the next. */
  targets: readonly string[];
  apiKey: string;
  agentId: string;
  /** Called after each acknowledgement with the count so far; the kill schedule hooks in here. */
  onAcknowledged?(count: number): void;
  /** Give up (throw) when production has not finished by then (ms since the epoch). */
  deadline: number;
}

/** The agent's reply when its turn fired the event (trigger-model.ts). */
const RECORDED = 'Recorded.';

/**
 * Produces events through the product's real path: for each sequence number, a customer
 * message whose turn makes the agent call `webhook_trigger`. A sequence number counts as
 * produced once its turn is acknowledged (200 and the agent's confirmation); a request that
 * fails (a killed instance, a restart in progress) is sent again, to the next instance, in a new
 * conversation, so an unacknowledged turn may also have produced an event: a second one with the
 * same number, which the check accepts.
 */
export async function produceEvents(options: ProduceOptions): Promise<Production> {
  if (options.targets.length === 0) throw new Error('produceEvents: no targets');
  const dispatcher = new Agent({ connections: options.concurrency * 2, keepAliveTimeout: 10_000 });
  const acknowledged = new Map<number, number>();
  let next = 1;
  let turn = 0;
  let resent = 0;
  const headers = { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' };

  async function post(
    url: string,
    body: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await request(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      dispatcher,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const text = await response.body.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON: reported by the caller as a failed attempt
    }
    return { status: response.statusCode, body: parsed };
  }

  async function worker() {
    let conversation: string | undefined;
    let used = 0;
    while (next <= options.count) {
      const sequence = next++;
      for (;;) {
        if (Date.now() > options.deadline)
          throw new Error(
            `production not finished by the deadline: ${acknowledged.size} of ${options.count} acknowledged`,
          );
        const target = options.targets[turn++ % options.targets.length] as string;
        try {
          if (conversation === undefined || used >= options.eventsPerConversation) {
            const started = await post(`${target}/api/v1/conversations`, { agentId: options.agentId });
            if (started.status !== 201 && started.status !== 200) throw new Error(`start: ${started.status}`);
            conversation = started.body.id as string;
            used = 0;
          }
          const sent = await post(`${target}/api/v1/conversations/${conversation}/messages`, {
            text: probeMessage(sequence),
          });
          used += 1;
          if (sent.status !== 200 || sent.body.reply !== RECORDED)
            throw new Error(`message: ${sent.status} ${JSON.stringify(sent.body).slice(0, 200)}`);
          acknowledged.set(sequence, Date.now());
          options.onAcknowledged?.(acknowledged.size);
          break;
        } catch {
          resent += 1;
          conversation = undefined;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await dispatcher.close();
  }
  return { acknowledged, resent };
}
