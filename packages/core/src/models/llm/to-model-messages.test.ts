import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../agent/chat-model.js';
import { toModelMessages, toToolResultOutput } from './to-model-messages.js';

const call = (id: string, order: string) => ({
  id,
  name: 'check_order_status',
  arguments: { order_number: order },
});

describe('toModelMessages', () => {
  it('turns tool calls into tool-call parts and groups consecutive results into one tool message', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Where are ORD-1 and ORD-2?' },
      { role: 'assistant', content: 'Checking both.', toolCalls: [call('c1', 'ORD-1'), call('c2', 'ORD-2')] },
      { role: 'tool', toolCallId: 'c1', toolName: 'check_order_status', content: { ok: true } },
      { role: 'tool', toolCallId: 'c2', toolName: 'check_order_status', content: { ok: false } },
      { role: 'assistant', content: 'One shipped, one did not.' },
      { role: 'user', content: 'Thanks' },
    ];
    expect(toModelMessages(messages)).toEqual([
      { role: 'user', content: 'Where are ORD-1 and ORD-2?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking both.' },
          {
            type: 'tool-call',
            toolCallId: 'c1',
            toolName: 'check_order_status',
            input: { order_number: 'ORD-1' },
          },
          {
            type: 'tool-call',
            toolCallId: 'c2',
            toolName: 'check_order_status',
            input: { order_number: 'ORD-2' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'check_order_status',
            output: { type: 'json', value: { ok: true } },
          },
          {
            type: 'tool-result',
            toolCallId: 'c2',
            toolName: 'check_order_status',
            output: { type: 'json', value: { ok: false } },
          },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'One shipped, one did not.' }] },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('leaves out empty assistant text, and empty assistant messages entirely', () => {
    const converted = toModelMessages([
      { role: 'user', content: 'yes' },
      { role: 'assistant', content: '  ', toolCalls: [call('confirmed_1', 'ORD-8')] },
      { role: 'tool', toolCallId: 'confirmed_1', toolName: 'check_order_status', content: 'done' },
      { role: 'assistant', content: '' },
    ]);
    expect(converted.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(converted[1]?.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'confirmed_1',
        toolName: 'check_order_status',
        input: { order_number: 'ORD-8' },
      },
    ]);
  });

  it('keeps results separated by other messages in separate tool messages', () => {
    const converted = toModelMessages([
      { role: 'assistant', content: '', toolCalls: [call('a', 'ORD-1')] },
      { role: 'tool', toolCallId: 'a', toolName: 'check_order_status', content: {} },
      { role: 'assistant', content: '', toolCalls: [call('b', 'ORD-2')] },
      { role: 'tool', toolCallId: 'b', toolName: 'check_order_status', content: {} },
    ]);
    expect(converted.map((message) => message.role)).toEqual(['assistant', 'tool', 'assistant', 'tool']);
  });
});

describe('toToolResultOutput', () => {
  it('sends text as text and anything else as plain JSON', () => {
    expect(toToolResultOutput('not found')).toEqual({ type: 'text', value: 'not found' });
    expect(toToolResultOutput(undefined)).toEqual({ type: 'json', value: null });
    expect(toToolResultOutput({ at: new Date('2026-03-20T10:00:00Z'), gone: undefined })).toEqual({
      type: 'json',
      value: { at: '2026-03-20T10:00:00.000Z' },
    });
  });

  it('falls back to text for values JSON cannot hold', () => {
    expect(toToolResultOutput(10n)).toEqual({ type: 'text', value: '10' });
  });
});
