import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './envelope-error.js';
import { parseEnvelope, safeParseEnvelope } from './parse-envelope.js';
import { ReceiverError } from './receiver-error.js';
import { testEnvelopeBody } from './test/sign-test-webhook.js';

const valid = JSON.parse(testEnvelopeBody()) as Record<string, unknown>;

function detailsOf(body: unknown) {
  try {
    parseEnvelope(body);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvelopeError);
    expect(error).toBeInstanceOf(ReceiverError);
    expect((error as EnvelopeError).code).toBe('invalid_envelope');
    return (error as EnvelopeError).details;
  }
  throw new Error('expected an EnvelopeError');
}

describe('parseEnvelope', () => {
  it('returns the envelope typed, from a string, bytes or a parsed value', () => {
    const envelope = parseEnvelope<{ order_number: string }>(testEnvelopeBody());
    expect(envelope.action).toBe('check_order_status');
    expect(envelope.parameters.order_number).toBe('ORD-12345');
    expect(envelope.context).toEqual({
      call_id: 'call_test_1',
      trigger: 'ai_intent',
      conversation_id: 'conv_1',
      timestamp: '2026-01-01T00:00:00.000Z',
    });
    expect(parseEnvelope(Buffer.from(testEnvelopeBody()))).toEqual(valid);
    expect(parseEnvelope(valid)).toEqual(valid);
  });

  it('accepts every trigger, optional ids, offsets in the timestamp and extra fields', () => {
    for (const trigger of [
      'ai_intent',
      'button_click',
      'lead_captured',
      'manual',
      'test',
      'tool_api',
      'mcp',
    ]) {
      const context = {
        call_id: 'c',
        trigger,
        agent_id: 'a',
        contact_id: 'p',
        timestamp: '2026-01-01T10:00:00+02:00',
        extra: 1,
      };
      expect(parseEnvelope({ ...valid, context, future_field: true }).context.trigger).toBe(trigger);
    }
  });

  it('reports invalid JSON and non-objects at the root', () => {
    expect(detailsOf('{"action":')).toEqual([{ path: '', message: 'must be valid JSON' }]);
    expect(detailsOf('[]')).toEqual([{ path: '', message: 'must be an object, got an array' }]);
    expect(detailsOf('null')).toEqual([{ path: '', message: 'must be an object, got null' }]);
    expect(detailsOf('')).toEqual([{ path: '', message: 'must be valid JSON' }]);
  });

  it('reports every problem with its JSON pointer', () => {
    const details = detailsOf({
      action: '',
      parameters: ['ORD-1'],
      context: { call_id: 7, trigger: 'cron', timestamp: 'yesterday', agent_id: 5 },
    });
    expect(details.map((detail) => detail.path)).toEqual([
      '/action',
      '/parameters',
      '/context/call_id',
      '/context/trigger',
      '/context/timestamp',
      '/context/agent_id',
    ]);
    expect(details[3]?.message).toContain('ai_intent, button_click, lead_captured, manual, test');
  });

  it('reports a missing context and missing parameters', () => {
    expect(detailsOf({ action: 'a' })).toEqual([
      { path: '/parameters', message: 'must be an object, got nothing' },
      { path: '/context', message: 'must be an object, got nothing' },
    ]);
  });

  it('refuses timestamps that are not ISO 8601 date-times', () => {
    for (const timestamp of [
      '2026-01-01',
      '2026-13-45T99:00:00Z',
      'Thu, 01 Jan 2026 00:00:00 GMT',
      1767225600,
    ]) {
      const body = { ...valid, context: { call_id: 'c', trigger: 'test', timestamp } };
      expect(detailsOf(body)).toEqual([{ path: '/context/timestamp', message: expect.any(String) }]);
    }
  });

  it('sums the problems up in the message', () => {
    expect(() => parseEnvelope({})).toThrow(/\/action must be a non-empty string \(and 2 more\)/);
  });
});

describe('safeParseEnvelope', () => {
  it('returns the envelope or the error', () => {
    expect(safeParseEnvelope(testEnvelopeBody())).toEqual({ success: true, value: valid });
    const failed = safeParseEnvelope('nope');
    expect(failed.success === false && failed.error.details).toEqual([
      { path: '', message: 'must be valid JSON' },
    ]);
  });
});
