import { describe, expect, it } from 'vitest';
import type { ChatEvent } from './chat-events';
import { approvalText, type ChatAction, type ChatState, chatReducer, EMPTY_CHAT } from './chat-state';

const run = (actions: ChatAction[], from: ChatState = EMPTY_CHAT) => actions.reduce(chatReducer, from);
const events = (...list: ChatEvent[]): ChatAction[] => list.map((event) => ({ type: 'event', event }));
const withoutIds = (state: ChatState) => state.items.map(({ id: _id, ...item }) => item);

describe('chatReducer', () => {
  it('starts with the greeting, or empty', () => {
    expect(chatReducer(EMPTY_CHAT, { type: 'started', greeting: 'Hi!' }).items).toEqual([
      { kind: 'agent', id: 'item-1', text: 'Hi!' },
    ]);
    const busy = run([
      { type: 'started', greeting: 'Hi' },
      { type: 'sent', text: 'x' },
    ]);
    expect(chatReducer(busy, { type: 'started' })).toEqual(EMPTY_CHAT);
  });

  it('builds a turn: the message, the start message before its call, the call as it goes, the reply', () => {
    const state = run([
      { type: 'started' },
      { type: 'sent', text: 'Where is ORD-1?' },
      ...events(
        { type: 'action-started', action: 'check_order', callId: 'call_1', arguments: { order: 'ORD-1' } },
        { type: 'message', text: 'Let me look.', reason: 'start' },
        { type: 'action-delayed', action: 'check_order', callId: 'call_1', text: 'Still looking.' },
        { type: 'message', text: 'Still looking.', reason: 'delayed' },
        { type: 'action-completed', action: 'check_order', callId: 'call_1', result: { ok: true } },
        { type: 'message', text: 'It shipped.', reason: 'reply' },
      ),
    ]);
    expect(state.pending).toBe(true);
    const done = run([...events({ type: 'done', reply: 'It shipped.' }), { type: 'ended' }], state);
    expect(done.pending).toBe(false);
    expect(withoutIds(done)).toEqual([
      { kind: 'user', text: 'Where is ORD-1?' },
      // Sent after action-started, it announces the call: shown before its card.
      { kind: 'progress', text: 'Let me look.', reason: 'start' },
      {
        kind: 'action',
        callId: 'call_1',
        action: 'check_order',
        arguments: { order: 'ORD-1' },
        status: 'completed',
        delayedText: 'Still looking.',
        result: { ok: true },
      },
      { kind: 'progress', text: 'Still looking.', reason: 'delayed' },
      { kind: 'agent', text: 'It shipped.' },
    ]);
    expect(new Set(done.items.map((item) => item.id)).size).toBe(done.items.length);
  });

  it('shows a failed call with its kind and message, and the reply once', () => {
    const state = run([
      { type: 'sent', text: 'ORD-2?' },
      ...events(
        { type: 'action-started', action: 'a', callId: 'c2', arguments: {} },
        { type: 'action-failed', action: 'a', callId: 'c2', failure: { kind: 'http_error', message: '500' } },
        { type: 'message', text: 'Sorry, that failed.', reason: 'failure' },
        { type: 'message', text: 'Sorry, that failed.', reason: 'reply' },
        { type: 'done', reply: 'Sorry, that failed.' },
      ),
    ]);
    expect(withoutIds(state).slice(1)).toEqual([
      {
        kind: 'action',
        callId: 'c2',
        action: 'a',
        arguments: {},
        status: 'failed',
        failure: { kind: 'http_error', message: '500' },
      },
      { kind: 'agent', text: 'Sorry, that failed.' },
    ]);
  });

  it('puts each start message before its own call when a turn makes two calls', () => {
    const state = run([
      { type: 'sent', text: 'Two orders' },
      ...events(
        { type: 'action-started', action: 'a', callId: 'c1', arguments: {} },
        { type: 'message', text: 'Looking up the first.', reason: 'start' },
        { type: 'action-completed', action: 'a', callId: 'c1', result: {} },
        { type: 'action-started', action: 'a', callId: 'c2', arguments: {} },
        { type: 'message', text: 'Looking up the second.', reason: 'start' },
      ),
    ]);
    expect(
      state.items.map((item) =>
        item.kind === 'action' ? item.callId : item.kind === 'progress' ? item.text : item.kind,
      ),
    ).toEqual(['user', 'Looking up the first.', 'c1', 'Looking up the second.', 'c2']);
    expect(new Set(state.items.map((item) => item.id)).size).toBe(state.items.length);
  });

  it('appends a start message that follows no call card of the turn', () => {
    const state = run([
      { type: 'sent', text: 'x' },
      ...events({ type: 'message', text: 'Let me look.', reason: 'start' }),
    ]);
    expect(withoutIds(state)).toEqual([
      { kind: 'user', text: 'x' },
      { kind: 'progress', text: 'Let me look.', reason: 'start' },
    ]);
  });

  it('keeps a call that completes without a start event', () => {
    const state = run([
      { type: 'sent', text: 'x' },
      ...events({ type: 'action-completed', action: 'a', callId: 'c3', result: 1 }),
    ]);
    expect(withoutIds(state)[1]).toEqual({
      kind: 'action',
      callId: 'c3',
      action: 'a',
      arguments: {},
      status: 'completed',
      result: 1,
    });
  });

  it('shows an approval with buttons, not its text twice, and closes it with the answer', () => {
    const asked = run([
      { type: 'sent', text: 'Cancel ORD-1' },
      ...events(
        {
          type: 'approval-requested',
          action: 'cancel',
          arguments: { order: 'ORD-1' },
          text: 'Cancel ORD-1?',
        },
        { type: 'done', reply: 'Cancel ORD-1?' },
      ),
    ]);
    expect(withoutIds(asked).slice(1)).toEqual([
      {
        kind: 'approval',
        action: 'cancel',
        arguments: { order: 'ORD-1' },
        text: 'Cancel ORD-1?',
        answer: 'open',
      },
    ]);
    const approved = chatReducer(asked, { type: 'sent', text: approvalText('approved'), answer: 'approved' });
    expect(approved.items.find((item) => item.kind === 'approval')).toMatchObject({ answer: 'approved' });
    expect(approved.items.at(-1)).toMatchObject({ kind: 'user', text: 'yes' });
    expect(approvalText('declined')).toBe('no');
    const typed = chatReducer(asked, { type: 'sent', text: 'actually ORD-2' });
    expect(typed.items.find((item) => item.kind === 'approval')).toMatchObject({ answer: 'answered' });
  });

  it('says when a limit is reached, the model fails or the turn fails', () => {
    const state = run([
      { type: 'sent', text: 'x' },
      ...events(
        { type: 'limit-reached', action: 'a', message: 'enough calls' },
        { type: 'model-error', message: 'timeout' },
        { type: 'error', code: 'internal', message: 'boom' },
      ),
    ]);
    expect(state.pending).toBe(false);
    expect(withoutIds(state).slice(1)).toEqual([
      { kind: 'notice', tone: 'limit', text: 'Limit reached for a: enough calls' },
      { kind: 'notice', tone: 'error', text: 'The model failed: timeout' },
      { kind: 'notice', tone: 'error', text: 'The turn failed: boom' },
    ]);
  });

  it('ends a turn on a failed request, or a stream cut short', () => {
    const failed = run([
      { type: 'sent', text: 'x' },
      { type: 'failed', message: 'A turn is running.' },
    ]);
    expect(failed.pending).toBe(false);
    expect(failed.items.at(-1)).toMatchObject({ kind: 'notice', text: 'A turn is running.' });
    const cut = run([{ type: 'sent', text: 'x' }, { type: 'ended' }]);
    expect(cut.items.at(-1)).toMatchObject({ kind: 'notice', tone: 'error', text: /stopped before/ });
    expect(run([{ type: 'ended' }])).toEqual(EMPTY_CHAT);
  });

  it("collects each turn's debug steps", () => {
    const state = run([
      { type: 'sent', text: 'first' },
      ...events({ type: 'debug', step: 0, data: { intent: 'a' } }, { type: 'done', reply: 'ok' }),
      { type: 'sent', text: 'second' },
      ...events(
        { type: 'debug', step: 0, data: { reason: 'below_threshold' } },
        { type: 'debug', step: 1, data: {} },
      ),
    ]);
    expect(state.debug).toEqual([
      { turn: 1, text: 'first', steps: [{ step: 0, data: { intent: 'a' } }] },
      {
        turn: 2,
        text: 'second',
        steps: [
          { step: 0, data: { reason: 'below_threshold' } },
          { step: 1, data: {} },
        ],
      },
    ]);
    expect(chatReducer(EMPTY_CHAT, { type: 'event', event: { type: 'debug', step: 0, data: {} } })).toEqual(
      EMPTY_CHAT,
    );
  });
});
