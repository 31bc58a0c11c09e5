import { ConflictError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import type { CallRecordInput } from './call-record.js';
import { createCallStore } from './call-store.js';
import { createConversationStore } from './conversation-store.js';
import { createTenantStore } from './tenant-store.js';

const NOW = new Date('2026-03-20T12:00:00.000Z');
let sequence = 0;

/** A finished call as the runner hands it to a turn, unwritten. */
function callOf(conversationId: string, ok: boolean): CallRecordInput {
  sequence += 1;
  const callId = `call_turn_${sequence}`;
  const common = { callId, action: 'check_order', redirects: [], truncated: false };
  return {
    tenantId: 'tenant_a',
    actionId: 'act_1',
    trigger: 'ai_intent',
    conversationId,
    agentId: 'agt_a',
    at: NOW,
    result: ok
      ? {
          ...common,
          ok: true,
          durationMs: 21.5,
          status: 200,
          data: { status: 'shipped' },
          request: { method: 'GET', url: 'https://orders.example.com/o?n=1', headers: {}, body: undefined },
          response: {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: '{"status":"shipped"}',
            bodyBytes: 20,
            truncated: false,
          },
        }
      : {
          ...common,
          ok: false,
          durationMs: 10_000,
          status: null,
          request: null,
          response: null,
          failure: { kind: 'timeout', message: 'the endpoint did not answer in 10 s', expected: false },
        },
  };
}

describeEachEngine('a turn writes its calls’ log records with its own statement on $engine', (engine) => {
  let opened: OpenDatabase;
  let conversations: ReturnType<typeof createConversationStore>;
  let calls: ReturnType<typeof createCallStore>;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    await createTenantStore(opened.db).create({ id: 'tenant_a', name: 'A' });
    await opened.db
      .insertInto('agents')
      .values({
        id: 'agt_a',
        tenant_id: 'tenant_a',
        name: 'Agent',
        settings: '{}',
        model_key: null,
        signing_secret: 'sealed',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    conversations = createConversationStore(opened.db, () => NOW);
    calls = createCallStore(opened.db, () => NOW);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const tool = (callId: string) => ({
    role: 'tool' as const,
    toolCallId: 't1',
    toolName: 'check_order',
    content: { ok: true },
    callId,
  });

  it('stores the records as a single record would (success and failure), linked from the transcript', async () => {
    const { id } = await conversations.create('tenant_a', { agentId: 'agt_a' });
    const ok = callOf(id, true);
    const failed = callOf(id, false);
    const turn = await conversations.begin('tenant_a', id);
    await conversations.finish('tenant_a', id, turn.leaseId, {
      entries: [
        { role: 'user', content: 'where is it?' },
        tool(ok.result.callId),
        tool(failed.result.callId),
      ],
      state: turn.state,
      calls: [ok, failed],
    });
    // The same calls recorded one by one, for comparison.
    const single = await calls.record({ ...callOf(id, true) });
    const singleFailed = await calls.record({ ...callOf(id, false) });
    const withTurn = await calls.get('tenant_a', ok.result.callId);
    const failedWithTurn = await calls.get('tenant_a', failed.result.callId);
    const { id: _a, idempotencyKey: _b, ...expected } = single;
    expect(withTurn).toMatchObject({ ...expected, id: ok.result.callId });
    expect(failedWithTurn).toMatchObject({
      ...(({ id: _i, idempotencyKey: _k, ...rest }) => rest)(singleFailed),
      id: failed.result.callId,
    });
    const stored = await opened.db
      .selectFrom('calls')
      .select((eb) => eb.fn<string>('jsonb_typeof', ['request']).as('type'))
      .where('id', '=', failed.result.callId)
      .executeTakeFirstOrThrow();
    expect(stored.type).toBe('null'); // JSON null, as one insert of JSON.stringify(null) stores it
    const transcript = await conversations.transcript('tenant_a', id);
    expect(transcript.filter((message) => message.call).map((message) => message.call?.outcome)).toEqual([
      'ok',
      'failed',
    ]);
  });

  it('a turn refused for a lost lease still leaves its calls in the log', async () => {
    const { id } = await conversations.create('tenant_a', { agentId: 'agt_a' });
    const made = callOf(id, true);
    const turn = await conversations.begin('tenant_a', id);
    await conversations.release('tenant_a', id, turn.leaseId);
    const later = await conversations.begin('tenant_a', id); // another turn holds it now
    await expect(
      conversations.finish('tenant_a', id, turn.leaseId, {
        entries: [{ role: 'user', content: 'hello' }, tool(made.result.callId)],
        state: turn.state,
        calls: [made],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await calls.get('tenant_a', made.result.callId)).outcome).toBe('ok');
    expect(await conversations.transcript('tenant_a', id)).toEqual([]);
    await conversations.release('tenant_a', id, later.leaseId);
  });

  it('a statement that fails writes the records on their own before the error goes up', async () => {
    const { id } = await conversations.create('tenant_a', { agentId: 'agt_a' });
    const made = callOf(id, true);
    const turn = await conversations.begin('tenant_a', id);
    // A message the database refuses (a NUL character in jsonb text) fails the whole statement.
    await expect(
      conversations.finish('tenant_a', id, turn.leaseId, {
        entries: [{ role: 'user', content: 'bad \u0000 text' }],
        state: turn.state,
        calls: [made],
      }),
    ).rejects.toThrow();
    expect((await calls.get('tenant_a', made.result.callId)).outcome).toBe('ok');
    await conversations.release('tenant_a', id, turn.leaseId);
  });
});
