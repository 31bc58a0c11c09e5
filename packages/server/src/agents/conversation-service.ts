import { runTurn, type TurnEvent } from '@toolgate/core';
import type { Logger } from 'pino';
import { ApiError } from '../api/api-error.js';
import { parametersProblem } from '../api/parameters-problem.js';
import type { CallRunner } from '../calls/call-runner.js';
import type { CallView } from '../stores/call-store.js';
import type { AgentRuntime } from './agent-runtime.js';
import type { AgentStore } from './agent-store.js';
import type { ConversationStore, ConversationView } from './conversation-store.js';

/** Triggers of calls made outside the model's choice. */
export type EventTrigger = 'button_click' | 'lead_captured' | 'manual';

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

/**
 * Conversations as the API offers them: start one, answer a message (the agent loop over the
 * stored state and history), trigger an action from an event.
 */
export function createConversationService(deps: {
  agents: AgentStore;
  conversations: ConversationStore;
  runtime: AgentRuntime;
  runner: CallRunner;
  logger: Logger;
}) {
  const { agents, conversations, runtime } = deps;
  return {
    async start(
      tenantId: string,
      input: { agentId: string; contactId?: string; metadata?: Record<string, unknown> },
    ): Promise<ConversationView> {
      const agent = await agents.get(tenantId, input.agentId).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'not_found') {
          throw new ApiError('validation_failed', 'there is no such agent', [
            { path: '/agentId', message: 'is not an agent of this tenant' },
          ]);
        }
        throw error;
      });
      return conversations.create(tenantId, { ...input, agentId: agent.id });
    },

    /**
     * Takes the conversation for one customer message (404 if unknown, 409 while another message
     * is answered) and returns the turn to run. Split in two so a streamed reply can fail with a
     * proper status before the stream starts.
     */
    async open(tenantId: string, conversationId: string): Promise<OpenTurn> {
      const conversation = await conversations.begin(tenantId, conversationId);
      return {
        conversation,
        async run(text, onEvent) {
          try {
            const agent = await agents.loadForTurn(tenantId, conversation.agentId);
            const setup = await runtime.turnSetup(tenantId, agent, conversation);
            const output = await runTurn({
              ...setup,
              history: conversation.history,
              userText: text,
              state: conversation.state,
              ...(onEvent ? { onEvent } : {}),
            });
            await conversations.finish(tenantId, conversationId, {
              messages: output.messages,
              state: output.state,
            });
            for (const event of output.events) {
              if (event.type === 'model-error') {
                deps.logger.warn(
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
            }
            return { reply: output.reply, events: output.events };
          } catch (error) {
            // The turn is dropped whole: nothing of it was written, the conversation is freed.
            await conversations.release(tenantId, conversationId).catch(() => undefined);
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
     * a person), with that trigger in the envelope. Invalid parameters are a 422 and nothing is sent.
     */
    async trigger(
      tenantId: string,
      conversationId: string,
      event: { type: EventTrigger; action: string; parameters?: Record<string, unknown> },
    ): Promise<{ callId: string; result: unknown; record: CallView }> {
      const conversation = await conversations.get(tenantId, conversationId);
      const agent = await agents.loadForTurn(tenantId, conversation.agentId);
      const usable = await runtime.usableActions(tenantId, agent);
      const action = usable.find(
        (candidate) =>
          candidate.id === event.action || candidate.agentAction.definition.name === event.action,
      );
      if (!action) {
        throw new ApiError('validation_failed', `the agent cannot use an action ${event.action}`, [
          { path: '/action', message: "is not an enabled action of this conversation's agent" },
        ]);
      }
      const parameters = event.parameters ?? {};
      const origin = {
        trigger: event.type,
        agentId: agent.id,
        conversationId,
        ...(conversation.contactId ? { contactId: conversation.contactId } : {}),
      };
      const argumentOptions = runtime.argumentOptionsOf(agent);
      const dry = await deps.runner.dryRun(tenantId, action.id, parameters, origin, argumentOptions);
      if (!dry.ok) throw parametersProblem(dry.error);
      const { result, record } = await deps.runner.run(
        tenantId,
        action.id,
        parameters,
        origin,
        argumentOptions,
      );
      await conversations.appendEvent(
        tenantId,
        conversationId,
        { type: event.type, action: action.agentAction.definition.name, outcome: record.outcome },
        result.callId,
      );
      return { callId: result.callId, result: record.result, record };
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
