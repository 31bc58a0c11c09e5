import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { outcomeLabel, toCallPage, toCallRecord, triggerLabel } from './call-record';
import { callJson, callRecord } from './testing/call-fixture';

describe('toCallRecord', () => {
  it('reads a call of the log', () => {
    expect(toCallRecord(callJson())).toEqual(callRecord());
  });

  it('takes missing parts as null: no request built, no response, a deleted action', () => {
    const read = toCallRecord(
      callJson({ actionId: null, request: null, response: null, status: null, conversationId: null }),
    );
    expect([read.actionId, read.request, read.response, read.status, read.conversationId]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('refuses another shape', () => {
    expect(() => toCallRecord({ id: 'call_1' })).toThrow(ApiError);
    expect(() => toCallRecord(callJson({ outcome: 'maybe' }))).toThrow(ApiError);
    expect(() => toCallRecord('call_1')).toThrow(ApiError);
  });
});

describe('toCallPage', () => {
  it('reads the calls and the cursor of the next page', () => {
    expect(toCallPage({ calls: [callJson()], nextCursor: 'c2' })).toEqual({
      calls: [callRecord()],
      nextCursor: 'c2',
    });
    expect(toCallPage({ calls: [], nextCursor: null }).nextCursor).toBeNull();
  });

  it('refuses a body without a list', () => {
    expect(() => toCallPage({ items: [] })).toThrow(ApiError);
  });
});

describe('labels', () => {
  it('names triggers and outcomes in words', () => {
    expect(triggerLabel('ai_intent')).toBe('Agent (AI intent)');
    expect(triggerLabel('test')).toBe('Test console');
    expect(triggerLabel('from_the_future')).toBe('from_the_future');
    expect(outcomeLabel({ outcome: 'ok', failureKind: null })).toBe('OK');
    expect(outcomeLabel({ outcome: 'failed', failureKind: 'timeout' })).toBe('Failed: timeout');
    expect(outcomeLabel({ outcome: 'failed', failureKind: null })).toBe('Failed');
  });
});
