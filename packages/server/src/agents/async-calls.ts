import {
  type ActionResult,
  type AgentAction,
  ConflictError,
  createSecretScrubber,
  DEFAULT_ASYNC_DEADLINE_SECONDS,
  type Executor,
  labelOf,
  normalizeResponse,
  runFollowUp,
  shapeModelResult,
  type ToolContent,
  type TurnEvent,
} from '@toolgate/core';
import type { Logger } from 'pino';
import type { ClaimedDelivery, DeliveryHandler, NewDelivery, Writer } from '../deliveries/delivery-types.js';
import type { ActionStore } from '../stores/action-store.js';
import type { AgentStore } from '../stores/agent-store.js';
import {
  type AsyncCallStore,
  type AsyncCallView,
  type CallbackRefusal,
  createCallbackToken,
} from '../stores/async-call-store.js';
import type { CallStore } from '../stores/call-store.js';
import type { ConversationStore } from '../stores/conversation-store.js';
import type { AgentRuntime } from './agent-runtime.js';
import type { ConversationFeed } from './conversation-feed.js';

/** How long a follow-up waits for a live turn to free the conversation before giving up. */
export const FOLLOW_UP_LEASE_WAIT_MS = 30_000;
const LEASE_POLL_MS = 100;

/** What the agent says when an async call's deadline passes without a callback (a fixed sentence). */
export function deadlineReply(label: string): string {
  return `I'm sorry, I couldn't get an answer from ${label.toLowerCase()} in time. Please try again later, or ask me something else.`;
}

/** Queues a row in the caller's transaction (the durable queue's `enqueue`). */
export type Enqueue = (writer: Writer, delivery: NewDelivery) => Promise<unknown>;

/**
 * Async action calls end to end: a callback URL for each call about to be sent, the callback's
 * result turned into the agent's follow-up message, and the deadline's expiry turned into an
 * "I could not get an answer" follow-up. Each follow-up runs under the conversation's lease, like
 * a turn, and is stored, logged on the call's record and published to the conversation's feed.
 */
export function createAsyncCalls(deps: {
  asyncCalls: AsyncCallStore;
  actions: ActionStore;
  agents: AgentStore;
  calls: CallStore;
  conversations: ConversationStore;
  runtime: () => AgentRuntime;
  executor: Executor;
  feed: ConversationFeed;
  logger: Logger;
  /** The server's public address; callback URLs are `<base>/api/v1/callbacks/<token>`. */
  callbackBaseUrl: string;
  /** Queues the deadline (`async_deadline`) in the transaction that opens the call. */
  enqueue: Enqueue;
  writer: Writer;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const base = deps.callbackBaseUrl.replace(/\/+$/, '');

  async function takeConversation(tenantId: string, conversationId: string) {
    const until = Date.now() + FOLLOW_UP_LEASE_WAIT_MS;
    for (;;) {
      try {
        return await deps.conversations.begin(tenantId, conversationId);
      } catch (error) {
        // A live turn holds it: the follow-up comes after that turn, never inside it.
        if (!(error instanceof ConflictError) || Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
      }
    }
  }

  /** Runs the follow-up of one settled call and stores it; returns what the agent said. */
  async function followUp(
    call: AsyncCallView,
    content: ToolContent,
    logged: { state: 'answered'; result: unknown } | { state: 'expired' },
    fixedReply?: string,
  ): Promise<string> {
    const { tenantId, conversationId } = call;
    const conversation = await takeConversation(tenantId, conversationId);
    try {
      // Under the lease: the turn that made the call has finished, so its log record exists.
      await deps.calls.recordCallback(tenantId, call.callId, logged);
      const agent = await deps.agents.loadForTurn(tenantId, conversation.agentId);
      const setup = await deps.runtime().turnSetup(tenantId, agent, conversation);
      const events: TurnEvent[] = [];
      const output = await runFollowUp({
        ...setup,
        history: conversation.history,
        state: conversation.state,
        call: { callId: call.callId, action: call.actionName, arguments: call.arguments },
        content,
        ...(fixedReply === undefined ? {} : { fixedReply }),
        onEvent: (event) => events.push(event),
      });
      await setup.recorded();
      await deps.conversations.finish(tenantId, conversationId, conversation.leaseId, {
        entries: output.messages,
        state: output.state,
      });
      deps.feed.publish(tenantId, conversationId, { reply: output.reply, events: output.events });
      return output.reply;
    } catch (error) {
      await deps.conversations.release(tenantId, conversationId, conversation.leaseId).catch(() => undefined);
      throw error;
    }
  }

  /** The late result as the model reads it: parsed and scrubbed like an endpoint's response. */
  async function contentOf(call: AsyncCallView, body: string) {
    const stored = await deps.actions.loadForCall(call.tenantId, call.actionId);
    const prepared = deps.executor.prepare({
      action: stored.definition,
      parameters: call.arguments,
      credentialScope: `${call.tenantId}/${call.actionId}`,
    });
    // The executor's scrubber of the call: an OAuth2 action's current access token included.
    const scrubber = prepared.ok
      ? deps.executor.scrubberOf(prepared.call)
      : createSecretScrubber(Object.values(stored.definition.headers ?? {}));
    const outcome = normalizeResponse({
      status: 200,
      body,
      truncated: false,
      scrubber,
      contentType: 'application/json',
    });
    const common = {
      callId: call.callId,
      action: call.actionName,
      durationMs: 0,
      request: null,
      response: null,
      redirects: [],
      truncated: false,
    };
    const result: ActionResult = outcome.ok
      ? {
          ...common,
          ok: true,
          status: 200,
          ...(outcome.message !== undefined ? { message: outcome.message } : { data: outcome.data }),
        }
      : { ...common, ok: false, status: 200, failure: outcome.failure };
    const content = shapeModelResult(result, {
      ...(stored.definition.conversation?.responseFields
        ? { responseFields: stored.definition.conversation.responseFields }
        : {}),
      maxChars: 4_000,
    });
    return { content, message: outcome.ok ? outcome.message : undefined };
  }

  return {
    /**
     * Before an async action's call is sent: a one-time token (stored hashed), the pending row
     * and its deadline delivery, in one transaction. Returns the URL for `context.callback_url`.
     */
    async open(input: {
      tenantId: string;
      conversationId: string;
      action: AgentAction & { id: string };
      arguments: Record<string, unknown>;
      callId: string;
    }): Promise<string> {
      const { token, hash } = createCallbackToken();
      const seconds = input.action.definition.async?.deadlineSeconds ?? DEFAULT_ASYNC_DEADLINE_SECONDS;
      const deadline = new Date(now().getTime() + seconds * 1000);
      const row = {
        callId: input.callId,
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        actionId: input.action.id,
        actionName: input.action.definition.name,
        arguments: input.arguments,
        deadline,
        tokenHash: hash,
      };
      // The pending call and its deadline are one write: neither exists without the other.
      const write = async (writer: Writer) => {
        await deps.asyncCalls.open(writer, row);
        await deps.enqueue(writer, {
          tenantId: input.tenantId,
          kind: 'async_deadline',
          payload: { callId: input.callId },
          notBefore: deadline,
        });
      };
      if (deps.writer.isTransaction) await write(deps.writer);
      else await deps.writer.transaction().execute(write);
      return `${base}/api/v1/callbacks/${token}`;
    },

    /** After the call: anything but a 202 was a sync answer, so no callback is expected. */
    async settleImmediate(tenantId: string, result: ActionResult): Promise<void> {
      if (result.ok && result.status === 202) return;
      await deps.asyncCalls.cancel(tenantId, result.callId);
    },

    /**
     * A callback: takes the call its token answers (once, before the deadline), records the
     * result on the call's log record and adds the agent's follow-up to the conversation.
     */
    async answer(
      token: string,
      body: string,
    ): Promise<{ ok: true } | { ok: false; refusal: CallbackRefusal }> {
      const claimed = await deps.asyncCalls.claim(token);
      if (!claimed.ok) return claimed;
      const { call } = claimed;
      try {
        const { content, message } = await contentOf(call, body);
        await followUp(call, content, { state: 'answered', result: content }, message);
      } catch (error) {
        // Nothing was said: the sender may call back again (or the deadline will come).
        await deps.asyncCalls.reopen(call.tenantId, call.callId, 'answered');
        throw error;
      }
      return { ok: true };
    },

    /** The deadline passed: a call still pending is expired and the agent says it got no answer. */
    async expire(tenantId: string, callId: string): Promise<boolean> {
      const call = await deps.asyncCalls.expire(tenantId, callId);
      if (!call) return false;
      const label = labelOf({ definition: { name: call.actionName, description: '', url: '' } });
      try {
        await followUp(
          call,
          {
            ok: false,
            error: { kind: 'timeout', message: 'the endpoint did not call back before the deadline' },
          },
          { state: 'expired' },
          deadlineReply(label),
        );
      } catch (error) {
        // Nothing was said: pending again, so the deadline's retry says it.
        await deps.asyncCalls.reopen(tenantId, callId, 'expired');
        throw error;
      }
      return true;
    },

    /** The `async_deadline` delivery's handler. */
    deadlineHandler(): DeliveryHandler {
      return async (delivery: ClaimedDelivery) => {
        const callId = delivery.payload.callId;
        if (typeof callId !== 'string') return { kind: 'failed', error: 'the payload has no callId' };
        try {
          if (await this.expire(delivery.tenantId, callId)) return { kind: 'delivered' };
          // Answered or cancelled meanwhile: nothing to say. Still pending means this instance's
          // clock is behind the deadline's writer: look again shortly.
          if ((await deps.asyncCalls.stateOf(callId)) !== 'pending') return { kind: 'delivered' };
          return { kind: 'retry', error: 'the deadline has not passed here yet', retryAfterMs: 1_000 };
        } catch (error) {
          return { kind: 'retry', error: (error as Error).message };
        }
      };
    },
  };
}

export type AsyncCalls = ReturnType<typeof createAsyncCalls>;
