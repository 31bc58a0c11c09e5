import { ConflictError } from '@toolgate/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ConversationFixture, startConversationFixture } from '../test/conversation-fixture.js';
import { orderStatusAction } from '../test/test-app.js';
import type { ConfirmationAnswer, ToolCallInput, ToolCallService } from './tool-call-service.js';

let f: ConversationFixture;
let service: ToolCallService;
let tenantId: string;
let terseAgent: string;

beforeAll(async () => {
  f = await startConversationFixture();
  service = f.t.services.toolCalls;
  tenantId = f.t.tenantA.id;
  await f.t.services.actions.create(
    tenantId,
    orderStatusAction({
      name: 'track_parcel',
      url: `https://orders.example.com:${f.shop.port}/status`,
      method: 'GET',
      conversation: { rateLimit: { calls: 1, windowMs: 600_000 } },
    }),
    'test',
  );
  terseAgent = (
    await f.t.services.agents.create(
      tenantId,
      { name: 'Terse', limits: { maxCallsPerConversation: 1 } },
      'test',
    )
  ).agent.id;
});
afterAll(() => f.close());

const shopCalls = (path: string) => f.shop.requests.filter((request) => request.url.startsWith(path)).length;
const never = async (): Promise<ConfirmationAnswer> => {
  throw new Error('asked for a confirmation it does not need');
};

/** An MCP-like call (a session, windows per key) unless said otherwise. */
function input(overrides: Partial<ToolCallInput>): ToolCallInput {
  return {
    tenantId,
    name: 'check_order_status',
    arguments: { order_number: 'ORD-1' },
    trigger: 'mcp',
    actor: 'api_key:unit',
    mcpSessionId: 'session-default',
    windowsPer: 'actor',
    confirm: never,
    ...overrides,
  };
}

describe('the tool-call service', () => {
  it('calls through the runner, shapes the result and logs the actor and session', async () => {
    const outcome = await service.call(
      input({ mcpSessionId: 'session-log', arguments: { order_number: ' ORD-2 ' } }),
    );
    expect(outcome).toMatchObject({ kind: 'called', replayed: false, result: { ok: true, status: 200 } });
    const callId = (outcome as { callId: string }).callId;
    const row = await f.t.services.db
      .selectFrom('calls')
      .select(['actor', 'mcp_session_id', 'trigger', 'conversation_id'])
      .where('id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      actor: 'api_key:unit',
      mcp_session_id: 'session-log',
      trigger: 'mcp',
      conversation_id: null,
    });
    expect(f.shop.requests.at(-1)?.url).toContain('order_number=ORD-2');
  });

  it('answers an unknown tool with the tools there are, and bad arguments with the questions', async () => {
    const before = f.shop.requests.length;
    const unknown = await service.call(input({ name: 'no_such_tool' }));
    expect(unknown).toMatchObject({
      kind: 'unknown_tool',
      available: expect.arrayContaining(['check_order_status']),
    });
    const invalid = await service.call(input({ arguments: { order_number: 'nope' } }));
    expect(invalid).toMatchObject({
      kind: 'invalid_arguments',
      missing: [],
      invalid: [{ parameter: 'order_number', question: expect.stringContaining('"nope"') }],
    });
    const missing = await service.call(input({ arguments: {} }));
    expect(missing).toMatchObject({
      missing: [
        {
          parameter: 'order_number',
          question: 'What is the order number? (The order number, like ORD-12345)',
        },
      ],
    });
    expect(f.shop.requests.length).toBe(before);
  });

  it("asks the caller's confirm with the read-back and calls only on accept", async () => {
    const before = shopCalls('/cancel');
    const asked: Array<[string, Record<string, unknown>]> = [];
    const answering =
      (answer: ConfirmationAnswer) => async (question: string, args: Record<string, unknown>) => {
        asked.push([question, args]);
        return answer;
      };
    const cancel = (answer: ConfirmationAnswer) =>
      service.call(
        input({ name: 'cancel_order', arguments: { order_number: 'ORD-8' }, confirm: answering(answer) }),
      );
    expect(await cancel('decline')).toMatchObject({ kind: 'not_confirmed', answer: 'decline' });
    expect(await cancel('unasked')).toMatchObject({
      kind: 'not_confirmed',
      answer: 'unasked',
      question: "Just to confirm: I'll cancel an order with order number: ORD-8. Shall I go ahead?",
      arguments: { order_number: 'ORD-8' },
    });
    expect(shopCalls('/cancel')).toBe(before);
    expect(await cancel('accept')).toMatchObject({ kind: 'called', result: { ok: true } });
    expect(shopCalls('/cancel')).toBe(before + 1);
    expect(asked[0]).toEqual([expect.stringContaining('ORD-8'), { order_number: 'ORD-8' }]);
  });

  it('checks the limits again after a confirmation: a call made meanwhile counts', async () => {
    const session = 'session-late';
    const outcome = await service.call(
      input({
        name: 'cancel_order',
        agentId: terseAgent,
        mcpSessionId: session,
        arguments: { order_number: 'ORD-9' },
        // While the user thinks, another call of the session is made.
        confirm: async () => {
          expect(await service.call(input({ agentId: terseAgent, mcpSessionId: session }))).toMatchObject({
            kind: 'called',
          });
          return 'accept';
        },
      }),
    );
    expect(outcome).toMatchObject({ kind: 'limit_reached', message: expect.stringContaining('limit of 1') });
  });

  it('counts windows per actor across sessions, or per conversation', async () => {
    const track = (overrides: Partial<ToolCallInput>) =>
      service.call(input({ name: 'track_parcel', ...overrides }));
    expect(await track({ actor: 'api_key:w', mcpSessionId: 'w-1' })).toMatchObject({ kind: 'called' });
    expect(await track({ actor: 'api_key:w', mcpSessionId: 'w-2' })).toMatchObject({ kind: 'limit_reached' });
    expect(await track({ actor: 'api_key:other', mcpSessionId: 'w-3' })).toMatchObject({ kind: 'called' });
    const conversation = (id: string) =>
      track({
        actor: 'api_key:w',
        trigger: 'tool_api',
        windowsPer: 'conversation',
        conversationId: id,
        mcpSessionId: undefined,
      });
    expect(await conversation('conv-1')).toMatchObject({ kind: 'called' });
    expect(await conversation('conv-1')).toMatchObject({ kind: 'limit_reached' });
    expect(await conversation('conv-2')).toMatchObject({ kind: 'called' });
  });

  it('counts a call still running in this process before its log row exists', async () => {
    const session = 'session-running';
    // ORD-408 answers after 400 ms: the first call is under way while the second is checked.
    const slow = service.call(
      input({ agentId: terseAgent, mcpSessionId: session, arguments: { order_number: 'ORD-408' } }),
    );
    await vi.waitFor(() =>
      expect(f.shop.requests.some((request) => request.url.includes('ORD-408'))).toBe(true),
    );
    expect(await service.call(input({ agentId: terseAgent, mcpSessionId: session }))).toMatchObject({
      kind: 'limit_reached',
    });
    expect(await slow).toMatchObject({ kind: 'called' });
  });

  it('replays an idempotency key from the log and refuses it for another tool', async () => {
    const keyed = input({
      trigger: 'tool_api',
      windowsPer: 'conversation',
      mcpSessionId: undefined,
      idempotencyKey: 'unit-key',
    });
    const before = f.shop.requests.length;
    const first = await service.call(keyed);
    const again = await service.call(keyed);
    expect(again).toEqual({ ...first, replayed: true });
    expect(f.shop.requests.length).toBe(before + 1);
    await expect(service.call({ ...keyed, name: 'track_parcel' })).rejects.toBeInstanceOf(ConflictError);
  });
});
