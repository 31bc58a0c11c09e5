import { describe, expect, it } from 'vitest';
import { toChatEvent } from './chat-events';

describe('toChatEvent', () => {
  it('reads the action events', () => {
    expect(
      toChatEvent({
        event: 'action-started',
        data: { type: 'action-started', action: 'a', callId: 'c1', arguments: { n: 1 } },
      }),
    ).toEqual({ type: 'action-started', action: 'a', callId: 'c1', arguments: { n: 1 } });
    expect(
      toChatEvent({ event: 'action-delayed', data: { action: 'a', callId: 'c1', text: 'Still on it' } }),
    ).toEqual({ type: 'action-delayed', action: 'a', callId: 'c1', text: 'Still on it' });
    expect(
      toChatEvent({ event: 'action-completed', data: { action: 'a', callId: 'c1', result: { ok: true } } }),
    ).toEqual({ type: 'action-completed', action: 'a', callId: 'c1', result: { ok: true } });
    expect(
      toChatEvent({
        event: 'action-failed',
        data: { action: 'a', callId: 'c1', failure: { kind: 'timeout', message: '' } },
      }),
    ).toEqual({
      type: 'action-failed',
      action: 'a',
      callId: 'c1',
      failure: { kind: 'timeout', message: '' },
    });
  });

  it('reads approvals, messages, limits, model errors and debug steps', () => {
    expect(
      toChatEvent({ event: 'approval-requested', data: { action: 'a', arguments: { n: 1 }, text: 'Sure?' } }),
    ).toEqual({ type: 'approval-requested', action: 'a', arguments: { n: 1 }, text: 'Sure?' });
    expect(toChatEvent({ event: 'message', data: { text: 'One moment', reason: 'start' } })).toEqual({
      type: 'message',
      text: 'One moment',
      reason: 'start',
    });
    expect(toChatEvent({ event: 'limit-reached', data: { action: 'a', message: 'enough' } })).toEqual({
      type: 'limit-reached',
      action: 'a',
      message: 'enough',
    });
    expect(toChatEvent({ event: 'model-error', data: { message: 'timeout' } })).toEqual({
      type: 'model-error',
      message: 'timeout',
    });
    expect(toChatEvent({ event: 'debug', data: { step: 0, data: { intent: 'a' } } })).toEqual({
      type: 'debug',
      step: 0,
      data: { intent: 'a' },
    });
  });

  it('reads the end of the turn: the reply, or the error', () => {
    expect(toChatEvent({ event: 'done', data: { reply: 'Shipped.' } })).toEqual({
      type: 'done',
      reply: 'Shipped.',
    });
    expect(toChatEvent({ event: 'error', data: { error: { code: 'conflict', message: 'busy' } } })).toEqual({
      type: 'error',
      code: 'conflict',
      message: 'busy',
    });
    expect(toChatEvent({ event: 'error', data: 'junk' })).toEqual({
      type: 'error',
      code: 'internal',
      message: 'the turn failed',
    });
  });

  it('drops unknown events and events missing what they must carry', () => {
    expect(toChatEvent({ event: 'typing', data: {} })).toBeUndefined();
    expect(toChatEvent({ event: 'action-started', data: { action: 'a' } })).toBeUndefined();
    expect(toChatEvent({ event: 'message', data: { text: 'x', reason: 'gossip' } })).toBeUndefined();
    expect(toChatEvent({ event: 'done', data: {} })).toBeUndefined();
    expect(toChatEvent({ event: 'debug', data: { data: {} } })).toBeUndefined();
  });
});
