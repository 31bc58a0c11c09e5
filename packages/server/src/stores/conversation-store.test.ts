import type { ChatMessage } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { createConversationStore, HISTORY_MESSAGES, TURN_LEASE_MS } from './conversation-store.js';
import { createTenantStore } from './tenant-store.js';

describeEachEngine('conversations on $engine', (engine) => {
  let opened: OpenDatabase;
  let clock = new Date('2026-03-20T10:00:00Z');
  let store: ReturnType<typeof createConversationStore>;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    await createTenantStore(opened.db).create({ id: 'tenant_a', name: 'A' });
    await createTenantStore(opened.db).create({ id: 'tenant_b', name: 'B' });
    for (const tenant of ['tenant_a', 'tenant_b']) {
      await opened.db
        .insertInto('agents')
        .values({
          id: `agt_${tenant}`,
          tenant_id: tenant,
          name: 'Agent',
          settings: '{}',
          model_key: null,
          signing_secret: 'sealed',
          created_at: clock,
          updated_at: clock,
        })
        .execute();
    }
    store = createConversationStore(opened.db, () => clock);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const turn = (n: number): ChatMessage[] => [
    { role: 'user', content: `question ${n}` },
    { role: 'assistant', content: '', toolCalls: [{ id: `t${n}`, name: 'lookup', arguments: { n } }] },
    { role: 'tool', toolCallId: `t${n}`, toolName: 'lookup', content: { ok: true }, callId: `call_${n}` },
    { role: 'assistant', content: `answer ${n}` },
  ];

  it('keeps state and messages between turns, in order, and frees the conversation', async () => {
    const { id } = await store.create('tenant_a', {
      agentId: 'agt_tenant_a',
      contactId: 'c1',
      metadata: { a: 1 },
    });
    const first = await store.begin('tenant_a', id);
    expect(first).toMatchObject({ messageCount: 0, history: [], state: { callsMade: 0, recentCalls: [] } });
    await store.finish('tenant_a', id, first.leaseId, {
      entries: turn(1),
      state: { callsMade: 1, recentCalls: [] },
    });
    const second = await store.begin('tenant_a', id);
    expect(second.state.callsMade).toBe(1);
    expect(second.history).toEqual(turn(1));
    await store.finish('tenant_a', id, second.leaseId, {
      entries: turn(2),
      state: { callsMade: 2, recentCalls: [] },
    });
    const transcript = await store.transcript('tenant_a', id);
    expect(transcript.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(transcript[2]).toMatchObject({ role: 'tool', callId: 'call_1', call: null });
    expect((await store.get('tenant_a', id)).messageCount).toBe(8);
  });

  it('gives the model the latest messages only, never starting mid-call; pages the transcript', async () => {
    const { id } = await store.create('tenant_a', { agentId: 'agt_tenant_a' });
    for (let n = 1; n <= 12; n += 1) {
      const { leaseId } = await store.begin('tenant_a', id);
      await store.finish('tenant_a', id, leaseId, {
        entries: turn(n),
        state: { callsMade: 0, recentCalls: [] },
      });
    }
    // 48 messages, then 2 more: the latest 40 start with turn 3's tool result and assistant text.
    const { leaseId } = await store.begin('tenant_a', id);
    const short: ChatMessage[] = [
      { role: 'user', content: 'question 13' },
      { role: 'assistant', content: 'answer 13' },
    ];
    await store.finish('tenant_a', id, leaseId, {
      entries: short,
      state: { callsMade: 0, recentCalls: [] },
    });
    const { history, leaseId: last } = await store.begin('tenant_a', id);
    expect(history).toHaveLength(HISTORY_MESSAGES - 2);
    expect(history[0]).toEqual({ role: 'user', content: 'question 4' });
    expect(history.at(-1)).toEqual({ role: 'assistant', content: 'answer 13' });
    await store.release('tenant_a', id, last);
    const page = await store.transcript('tenant_a', id, { afterSeq: 45, limit: 3 });
    expect(page.map((message) => message.seq)).toEqual([46, 47, 48]);
  });

  it('refuses a second turn while one runs (409); a turn past its lease can no longer write', async () => {
    const { id } = await store.create('tenant_a', { agentId: 'agt_tenant_a' });
    const first = await store.begin('tenant_a', id);
    await expect(store.begin('tenant_a', id)).rejects.toMatchObject({ code: 'conflict' });
    await store.release('tenant_a', id, first.leaseId);
    const second = await store.begin('tenant_a', id);
    clock = new Date(clock.getTime() + TURN_LEASE_MS + 1);
    const third = await store.begin('tenant_a', id);
    await expect(
      store.finish('tenant_a', id, second.leaseId, {
        entries: turn(1),
        state: { callsMade: 7, recentCalls: [] },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await store.release('tenant_a', id, second.leaseId);
    await expect(store.begin('tenant_a', id)).rejects.toMatchObject({ code: 'conflict' });
    await store.finish('tenant_a', id, third.leaseId, {
      entries: turn(2),
      state: { callsMade: 1, recentCalls: [] },
    });
    const transcript = await store.transcript('tenant_a', id);
    expect(transcript[0]?.content).toEqual({ role: 'user', content: 'question 2' });
    expect((await store.begin('tenant_a', id)).state.callsMade).toBe(1);
  });

  it("another tenant's conversation is not found, and nothing of it changes", async () => {
    const { id } = await store.create('tenant_a', { agentId: 'agt_tenant_a' });
    await expect(store.begin('tenant_b', id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.get('tenant_b', id)).rejects.toMatchObject({ code: 'not_found' });
    const { leaseId } = await store.begin('tenant_a', id);
    await expect(
      store.finish('tenant_b', id, leaseId, { entries: turn(1), state: { callsMade: 9, recentCalls: [] } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.transcript('tenant_b', id)).toEqual([]);
    expect(await store.transcript('tenant_a', id)).toEqual([]);
    await store.release('tenant_a', id, leaseId);
    expect((await store.begin('tenant_a', id)).state.callsMade).toBe(0);
  });

  it('records events and a greeting in the transcript, not in what the model reads', async () => {
    const { id, messageCount } = await store.create('tenant_a', {
      agentId: 'agt_tenant_a',
      greeting: 'Hi! How can I help?',
    });
    expect(messageCount).toBe(1);
    const first = await store.begin('tenant_a', id);
    expect(first.history).toEqual([]);
    await store.finish('tenant_a', id, first.leaseId, {
      entries: [
        { role: 'event', type: 'button_click', action: 'lookup', outcome: 'ok', callId: 'call_event' },
      ],
      state: { callsMade: 1, recentCalls: [] },
    });
    const second = await store.begin('tenant_a', id);
    await store.finish('tenant_a', id, second.leaseId, {
      entries: turn(1),
      state: { callsMade: 2, recentCalls: [] },
    });
    const transcript = await store.transcript('tenant_a', id);
    expect(transcript.map((message) => [message.seq, message.role])).toEqual([
      [1, 'assistant'],
      [2, 'event'],
      [3, 'user'],
      [4, 'assistant'],
      [5, 'tool'],
      [6, 'assistant'],
    ]);
    expect(transcript[1]?.callId).toBe('call_event');
    expect((await store.begin('tenant_a', id)).history).toEqual(turn(1));
  });
});
