import {
  type ConversationState,
  eventCallRefusal,
  LimitReachedError,
  NotFoundError,
  runTurn,
  ToolgateError,
  type TurnEvent,
  ValidationError,
  withCallCounted,
} from '@toolgate/core';
import type { Logger } from 'pino';
import type { CallRunner } from '../calls/call-runner.js';
import { parametersProblem } from '../calls/parameters-problem.js';
import type { EmittedEvent } from '../deliveries/event-types.js';
import type { AgentStore } from '../stores/agent-store.js';
import type { CallRecordInput } from '../stores/call-record.js';
import {
  type ConversationStore,
  type ConversationView,
  MAX_MESSAGES_PER_CONVERSATION,
  TURN_LEASE_MS,
} from '../stores/conversation-store.js';
import type { AgentRuntime } from './agent-runtime.js';
import { type ConversationEvent, resolveEventCall } from './event-confirmation.js';

/** Triggers of calls made outside the model's choice. */
export type EventTrigger = 'button_click' | 'lead_captured' | 'manual';

/** A turn is ended (fallback text) this long after it began, well inside its lease. */
export const TURN_DEADLINE_MS = TURN_LEASE_MS - 60_000;
/** Conversation metadata: at most this many keys and this much JSON. */
export const MAX_METADATA_KEYS = 50;
export const MAX_METADATA_BYTES = 8 * 1024;

/** What one customer message produced. */
export interface TurnResult {
  reply: string;
  events: TurnEvent[];
}

/** A conversation taken for one message; `run` answers it (and frees the conversation). */
export interface OpenTurn {
  conversation: ConversationView;
  run(text: string, onEvent?: (event: TurnEvent) => void): Promise<TurnResult>;
}

/** A confirmed call answers the pending confirmation; the model's half-finished request goes with it. */
function afterCall(state: ConversationState, confirmed: boolean): ConversationState {
  if (!confirmed) return state;
  const { pending: _pending, modelState: _modelState, ...rest } = state;
  return rest;
}

/** The turn's confirmation requests as `approval.requested` events, emitted with its messages. */
function approvalEvents(
  tenantId: string,
  conversationId: string,
  agentId: string,
  events: readonly TurnEvent[],
): EmittedEvent[] {
  return events.flatMap((event) =>
    event.type === 'approval-requested'
      ? [
          {
            tenantId,
            type: 'approval.requested' as const,
            agentId,
            data: {
              conversationId,
              agentId,
              confirmationId: event.confirmationId,
              action: event.action,
              parameters: event.arguments,
            },
          },
        ]
      : [],
  );
}

function checkMetadata(metadata: Record<string, unknown> | undefined): void {
  if (metadata === undefined) return;
  const keys = Object.keys(metadata).length;
  const bytes = Buffer.byteLength(JSON.stringify(metadata));
  if (keys > MAX_METADATA_KEYS || bytes > MAX_METADATA_BYTES) {
    throw new ValidationError('the metadata is too large', [
      {
        path: '/metadata',
        message: `must have at most ${MAX_METADATA_KEYS} keys and ${MAX_METADATA_BYTES} bytes of JSON (has ${keys} keys, ${bytes} bytes)`,
      },
    ]);
  }
}

/**
 * Conversations as the API offers them: start one, answer a message (the agent loop over the
 * stored state and history), trigger an action from an event. Every write of a turn happens under
 * the conversation's lease, all at once at the end.
 */
export function createConversationService(deps: {
  agents: AgentStore;
  conversations: ConversationStore;
  runtime: AgentRuntime;
  runner: CallRunner;
  logger: Logger;
}) {
  const { agents, conversations, runtime, logger } = deps;

  /** Frees a conversation after a failure; a failure to free it is logged (the lease expires). */
  async function release(tenantId: string, conversationId: string, leaseId: string): Promise<void> {
    await conversations.release(tenantId, conversationId, leaseId).catch((error: unknown) => {
      logger.error(
        { err: error, tenantId, conversationId },
        'could not free the conversation; its hold expires by itself',
      );
    });
  }

  /** Writes the records of a failed turn's calls; a failure to is logged, the turn's error goes up. */
  async function recordLater(tenantId: string, conversationId: string, calls: CallRecordInput[]) {
    if (calls.length === 0) return;
    await deps.runner.recordLater(calls).catch((error: unknown) => {
      logger.error(
        { err: error, tenantId, conversationId, calls: calls.map((call) => call.result.callId) },
        'could not record the calls of a failed turn',
      );
    });
  }

  /** Takes the conversation; a full one is refused (and freed) before anything runs. */
  async function take(tenantId: string, conversationId: string, onlyAgentId?: string) {
    const conversation = await conversations.begin(tenantId, conversationId, onlyAgentId);
    if (conversation.messageCount >= MAX_MESSAGES_PER_CONVERSATION) {
      await release(tenantId, conversationId, conversation.leaseId);
      throw new LimitReachedError(
        `this conversation has reached ${MAX_MESSAGES_PER_CONVERSATION} messages; start a new one`,
      );
    }
    return conversation;
  }

  return {
    /** Starts a conversation; `onlyAgentId` (a widget key's agent) refuses any other agent. */
    async start(
      tenantId: string,
      input: {
        agentId: string;
        contactId?: string;
        metadata?: Record<string, unknown>;
        referenceTime?: string;
      },
      onlyAgentId?: string,
    ): Promise<ConversationView & { greeting?: string; agentName: string }> {
      checkMetadata(input.metadata);
      const agent = await agents.get(tenantId, input.agentId).catch((error: unknown) => {
        if (error instanceof NotFoundError) {
          throw new ValidationError('there is no such agent', [
            { path: '/agentId', message: 'is not an agent of this tenant' },
          ]);
        }
        throw error;
      });
      if (onlyAgentId !== undefined && agent.id !== onlyAgentId) {
        throw new ToolgateError('forbidden', 'this widget key talks only to its own agent');
      }
      const greeting = agent.greeting;
      const conversation = await conversations.create(tenantId, {
        ...input,
        agentId: agent.id,
        ...(greeting ? { greeting } : {}),
      });
      return { ...conversation, ...(greeting ? { greeting } : {}), agentName: agent.name };
    },

    /**
     * Takes the conversation for one customer message (404 if unknown, 409 while another message
     * is answered, 422 when full) and returns the turn to run. Split in two so a streamed reply
     * can fail with a proper status before the stream starts.
     */
    async open(tenantId: string, conversationId: string, onlyAgentId?: string): Promise<OpenTurn> {
      const conversation = await take(tenantId, conversationId, onlyAgentId);
      return {
        conversation,
        async run(text, onEvent) {
          // The calls' records the turn writes with its final statement, until it is handed them.
          let unrecorded: () => CallRecordInput[] = () => [];
          try {
            const agent = await agents.loadForTurn(tenantId, conversation.agentId);
            // The embedded model answers from a call's result at once, so the turn's final
            // statement follows the call within milliseconds and carries its record. An LLM takes
            // another model step (seconds) after a call: its calls are recorded as they are made,
            // so a crash meanwhile loses no record of a call that was sent.
            const setup = await runtime.turnSetup(tenantId, agent, conversation, {
              recordCallsWithTurn: agent.settings.model.provider === 'embedded',
            });
            unrecorded = setup.unrecorded;
            const output = await runTurn({
              ...setup,
              history: conversation.history,
              userText: text,
              state: conversation.state,
              signal: AbortSignal.timeout(TURN_DEADLINE_MS),
              ...(onEvent ? { onEvent } : {}),
            });
            // Calls recorded in the background are in the log before the turn that made them.
            await setup.recorded();
            // The turn's webhook trigger events are queued in the transaction that stores it.
            const calls = setup.unrecorded();
            // From here `finish` writes them, whatever becomes of the turn.
            unrecorded = () => [];
            await conversations.finish(tenantId, conversationId, conversation.leaseId, {
              entries: output.messages,
              state: output.state,
              calls,
              deliveries: setup.deliveries(),
              events: [
                ...approvalEvents(tenantId, conversationId, agent.id, output.events),
                ...setup.events(),
              ],
            });
            for (const event of output.events) {
              if (event.type !== 'model-error') continue;
              logger.warn(
                {
                  tenantId,
                  agentId: agent.id,
                  conversationId,
                  model: agent.settings.model.provider,
                  reason: event.message,
                },
                'the model failed; the customer got the fallback text',
              );
            }
            return { reply: output.reply, events: output.events };
          } catch (error) {
            // The turn is dropped whole: nothing of it was written but its calls' records, the
            // conversation is freed.
            await recordLater(tenantId, conversationId, unrecorded());
            await release(tenantId, conversationId, conversation.leaseId);
            throw error;
          }
        },
      };
    },

    /** Answers one customer message: `open` then `run`. */
    async reply(
      tenantId: string,
      conversationId: string,
      text: string,
      onEvent?: (event: TurnEvent) => void,
    ): Promise<TurnResult> {
      const turn = await this.open(tenantId, conversationId);
      return turn.run(text, onEvent);
    },

    /**
     * Calls an action of the conversation's agent because of an event (a button, a captured lead,
     * a person), with that trigger in the envelope. It holds the conversation like a turn, obeys
     * the same call limits and counts towards them. Invalid parameters are a 422 and nothing is sent.
     * Through a widget key (`onlyAgentId`), an action that asks for confirmation runs only as the
     * confirmation of the agent's own proposal, unless the operator allowed direct widget events
     * ({@link resolveEventCall}).
     */
    async trigger(
      tenantId: string,
      conversationId: string,
      event: ConversationEvent & { type: EventTrigger },
      onlyAgentId?: string,
    ): Promise<{ callId: string | null; outcome: 'ok' | 'failed' | 'refused'; result: unknown }> {
      const conversation = await take(tenantId, conversationId, onlyAgentId);
      const { leaseId, state } = conversation;
      try {
        const agent = await agents.loadForTurn(tenantId, conversation.agentId);
        const usable = await runtime.usableActions(tenantId, agent);
        const action = usable.find(
          (candidate) => candidate.id === event.action || candidate.definition.name === event.action,
        );
        if (!action) {
          throw new ValidationError(`the agent cannot use an action ${event.action}`, [
            { path: '/action', message: "is not an enabled action of this conversation's agent" },
          ]);
        }
        const name = action.definition.name;
        const call = resolveEventCall(event, action, state, onlyAgentId !== undefined);
        const nowMs = Date.now();
        const refusal = eventCallRefusal(action, state, agent.settings.limits, nowMs);
        if (refusal) {
          await conversations.finish(tenantId, conversationId, leaseId, {
            entries: [{ role: 'event', type: event.type, action: name, outcome: 'refused', reason: refusal }],
            state,
          });
          return {
            callId: null,
            outcome: 'refused',
            result: { ok: false, error: { kind: 'limit_reached', message: refusal } },
          };
        }
        const parameters = call.parameters;
        const origin = {
          trigger: event.type,
          agentId: agent.id,
          conversationId,
          ...(conversation.contactId ? { contactId: conversation.contactId } : {}),
        };
        const argumentOptions = runtime.argumentOptionsOf(agent);
        // Prepared once: invalid parameters are refused before anything is sent, and the call
        // sent is the one validated.
        const prepared = await deps.runner.prepare(tenantId, action.id, parameters, origin, argumentOptions);
        if (!prepared.ok) throw parametersProblem(prepared.error);
        const { result, record } = await deps.runner.send(prepared);
        await conversations.finish(tenantId, conversationId, leaseId, {
          entries: [
            { role: 'event', type: event.type, action: name, outcome: record.outcome, callId: result.callId },
          ],
          state: withCallCounted(afterCall(state, call.confirmed), name, nowMs),
        });
        return { callId: result.callId, outcome: record.outcome, result: record.result };
      } catch (error) {
        await release(tenantId, conversationId, leaseId);
        throw error;
      }
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
