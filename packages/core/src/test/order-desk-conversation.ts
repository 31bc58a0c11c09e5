import { afterAll, beforeAll } from 'vitest';
import type { ActionDefinition } from '../actions/action-definition.js';
import { toAgentAction } from '../agent/agent-action.js';
import type { ChatMessage, ChatModel } from '../agent/chat-model.js';
import { runTurn } from '../agent/run-turn.js';
import { type ConversationState, EMPTY_CONVERSATION_STATE, type TurnOutput } from '../agent/turn-types.js';
import type { Executor } from '../http/call/create-executor.js';
import { type LoopbackHttpsServer, sendJson, startLoopbackHttpsServer } from './loopback-https-server.js';
import { createTestExecutor, TEST_HOST } from './test-executor.js';

/** The shop's conversation scripts share one fixed clock. */
export const ORDER_DESK_NOW = new Date('2026-03-20T10:00:00Z');

/** A conversation driven turn by turn, keeping history and state like the service does. */
export interface OrderDeskChat {
  /** Each call the agent made, as `action:{"arguments"}`. */
  sent: string[];
  say(text: string): Promise<TurnOutput>;
}

export interface OrderDesk {
  /** The order lookup and the order cancellation, both served by the desk's loopback endpoint. */
  actions(): ActionDefinition[];
  /** The desk's endpoint URL for a path, under the test host name. */
  url(path: string): string;
  conversation(
    model: ChatModel,
    options?: { limits?: { maxCallsPerConversation?: number }; definitions?: ActionDefinition[] },
  ): OrderDeskChat;
}

/**
 * A shop's order desk for conversation tests, started in the calling scope's beforeAll and closed
 * in its afterAll: a loopback HTTPS endpoint (ORD-500 answers 503, ORD-999 never answers, /cancel
 * confirms, any other order is shipped) and an executor that reaches it.
 */
export function useOrderDesk(): OrderDesk {
  let server: LoopbackHttpsServer;
  let executor: Executor;
  beforeAll(async () => {
    server = await startLoopbackHttpsServer((request, response) => {
      const body = JSON.parse(request.body || '{}') as { parameters?: { order_number?: string } };
      if (request.url === '/cancel')
        return sendJson(response, 200, { message: `Order ${body.parameters?.order_number} is cancelled.` });
      if (body.parameters?.order_number === 'ORD-500')
        return sendJson(response, 503, { error: 'database offline' });
      if (body.parameters?.order_number === 'ORD-999') return; // never answers: the deadline ends it
      sendJson(response, 200, {
        success: true,
        result: { status: 'shipped', estimated_delivery: '2026-03-25' },
      });
    });
    ({ executor } = await createTestExecutor());
  });
  afterAll(async () => {
    await executor.close();
    await server.close();
  });

  const url = (path: string) => server.url(path, TEST_HOST);
  const orderNumber = () => ({
    type: 'object' as const,
    properties: {
      order_number: { type: 'string' as const, description: 'Like ORD-12345', pattern: '^ORD-\\d+$' },
    },
    required: ['order_number'],
  });
  const actions = (): ActionDefinition[] => [
    {
      name: 'check_order_status',
      displayName: 'Check order status',
      description: 'Look up the status and delivery date of an order by its order number.',
      url: url('/orders'),
      timeoutMs: 1_000,
      parameters: orderNumber(),
      conversation: {
        confirmation: 'never',
        messages: { delayed: { afterMs: 200, text: 'Still checking, one moment.' } },
      },
    },
    {
      name: 'cancel_order',
      displayName: 'Cancel an order',
      description: 'Cancel an order that has not shipped yet.',
      url: url('/cancel'),
      parameters: orderNumber(),
    },
  ];

  return {
    actions,
    url,
    conversation(model, options = {}) {
      const definitions = options.definitions ?? actions();
      const limits = options.limits ?? {};
      let history: ChatMessage[] = [];
      let state: ConversationState = EMPTY_CONVERSATION_STATE;
      const sent: string[] = [];
      return {
        sent,
        async say(text) {
          const turn = await runTurn({
            system: 'You help customers of a shop.',
            history,
            userText: text,
            state,
            actions: definitions.map(toAgentAction),
            model,
            limits,
            now: () => ORDER_DESK_NOW.getTime(),
            async callAction(action, args, callId) {
              sent.push(`${action.definition.name}:${JSON.stringify(args)}`);
              return executor.execute({
                action: action.definition,
                parameters: args,
                context: { callId, trigger: 'ai_intent' },
              });
            },
          });
          history = [...history, ...turn.messages];
          state = turn.state;
          return turn;
        },
      };
    },
  };
}
