import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../agent/chat-model.js';
import { asksToRetry, closingOf, isGreeting, lastFailedCall } from './follow-ups.js';

describe('asksToRetry', () => {
  it.each([
    'Can you try again?',
    'retry please',
    'try once more',
    'give it another go',
    'please try that again',
  ])('reads %j as a retry', (text) => expect(asksToRetry(text)).toBe(true));
  it.each([
    'where is my order?',
    'I tried again yesterday and the store was closed, can you check the hours for me',
  ])('does not read %j as one', (text) => expect(asksToRetry(text)).toBe(false));
});

describe('lastFailedCall', () => {
  const call = { id: 'c1', name: 'check_order_status', arguments: { order_number: 'ORD-500' } };
  const failed: ChatMessage[] = [
    { role: 'user', content: 'where is ORD-500' },
    { role: 'assistant', content: '', toolCalls: [call] },
    {
      role: 'tool',
      toolCallId: 'c1',
      toolName: call.name,
      content: { ok: false, error: { kind: 'http_error', message: '503' } },
    },
    { role: 'assistant', content: "Sorry, I couldn't check order status right now." },
    { role: 'user', content: 'try again' },
  ];

  it('finds the call that failed before the last message', () => {
    expect(lastFailedCall(failed)).toEqual(call);
  });

  it('finds none when the last call worked, was never sent, or a message came between', () => {
    const worked = failed.map((message) =>
      message.role === 'tool' ? { ...message, content: { ok: true, data: {} } } : message,
    );
    expect(lastFailedCall(worked)).toBeUndefined();
    const asked = failed.map((message) =>
      message.role === 'tool'
        ? { ...message, content: { ok: false, error: { kind: 'invalid_arguments', message: '' } } }
        : message,
    );
    expect(lastFailedCall(asked)).toBeUndefined();
    expect(
      lastFailedCall([...failed.slice(0, 4), { role: 'user', content: 'hm' }, ...failed.slice(4)]),
    ).toBeUndefined();
  });
});

describe('isGreeting', () => {
  it.each(['hi there!', 'Hello', 'Good morning, how are you?', 'hey team'])('%j only greets', (text) =>
    expect(isGreeting(text)).toBe(true),
  );
  it.each(['hi, where is my order?', 'hello I need to cancel a booking', 'thanks'])(
    '%j is more than a greeting',
    (text) => expect(isGreeting(text)).toBe(false),
  );
});

describe('closingOf', () => {
  it.each([
    ['great, thanks!', 'thanks'],
    ['thank you so much', 'thanks'],
    ["that's all, bye!", 'goodbye'],
    ['ok bye', 'goodbye'],
  ] as const)('%j is %s', (text, kind) => expect(closingOf(text)).toBe(kind));
  it.each(['thanks, and where is my order ORD-1?', 'I want to cancel, thanks'])('%j is a request', (text) =>
    expect(closingOf(text)).toBeUndefined(),
  );
});
