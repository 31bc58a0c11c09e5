import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { schemaFields } from './schema-fields';
import {
  formatDuration,
  needsConfirmation,
  prettyBody,
  statusTone,
  testErrors,
  testRequestBody,
  toTestOutcome,
} from './test-result';

describe('toTestOutcome', () => {
  it('reads a dry run: the request only', () => {
    expect(
      toTestOutcome({
        mode: 'dry_run',
        callId: 'call_1',
        request: {
          method: 'POST',
          url: 'https://a.example/x',
          headers: { authorization: '[redacted]', n: 1 },
          body: '{}',
        },
      }),
    ).toEqual({
      mode: 'dry_run',
      callId: 'call_1',
      request: {
        method: 'POST',
        url: 'https://a.example/x',
        headers: { authorization: '[redacted]' },
        body: '{}',
      },
    });
  });

  it('reads a live test: response, duration and the result the model sees', () => {
    const outcome = toTestOutcome({
      mode: 'live',
      callId: 'call_2',
      request: { method: 'GET', url: 'https://a.example/x?q=1', headers: {} },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"ok":true}',
        truncated: true,
      },
      durationMs: 120.5,
      result: { ok: true, data: { status: 'shipped' } },
      record: { id: 'call_2' },
    });
    expect(outcome).toEqual({
      mode: 'live',
      callId: 'call_2',
      request: { method: 'GET', url: 'https://a.example/x?q=1', headers: {} },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"ok":true}',
        truncated: true,
      },
      durationMs: 120.5,
      result: { ok: true, data: { status: 'shipped' } },
    });
  });

  it('keeps a live test without a response as null and refuses another shape', () => {
    expect(toTestOutcome({ mode: 'live', callId: 'c', request: null, response: null }).response).toBeNull();
    expect(() => toTestOutcome({ mode: 'other' })).toThrow(ApiError);
  });
});

describe('confirmation', () => {
  it('is asked for a live test of anything but GET', () => {
    expect(needsConfirmation('live', 'POST')).toBe(true);
    expect(needsConfirmation('live', 'delete')).toBe(true);
    expect(needsConfirmation('live', 'GET')).toBe(false);
    expect(needsConfirmation('dry_run', 'POST')).toBe(false);
  });

  it('is sent as confirm: true only for a confirmed live test', () => {
    expect(testRequestBody({ a: 1 }, 'live', true)).toEqual({
      parameters: { a: 1 },
      mode: 'live',
      confirm: true,
    });
    expect(testRequestBody({}, 'live', false)).toEqual({ parameters: {}, mode: 'live' });
    expect(testRequestBody({}, 'dry_run', true)).toEqual({ parameters: {}, mode: 'dry_run' });
  });
});

describe('display helpers', () => {
  it('indents JSON bodies and leaves other text as it is', () => {
    expect(prettyBody('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyBody('<html>')).toBe('<html>');
    expect(prettyBody('')).toBe('');
  });

  it('formats durations and status tones', () => {
    expect(formatDuration(85.4)).toBe('85 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(2000)).toBe('2 s');
    expect([200, 302, 404, 503].map(statusTone)).toEqual(['ok', 'redirect', 'error', 'error']);
  });
});

describe('testErrors', () => {
  const fields = schemaFields({
    type: 'object',
    properties: { order_number: { type: 'string' }, email: { type: 'string' } },
  });

  it('puts parameter issues at their fields and the rest above the form', () => {
    const error = new ApiError(422, 'validation_failed', 'the parameters cannot be sent', [
      { path: '/parameters/order_number', message: 'is required' },
      { path: '/parameters/email', message: 'must be an email address' },
      { path: '/parameters/extra', message: 'is not a parameter of this action' },
    ]);
    expect(testErrors(error, fields)).toEqual({
      fields: {
        '/parameters/order_number': ['is required'],
        '/parameters/email': ['must be an email address'],
      },
      form: ['extra: is not a parameter of this action'],
    });
  });

  it('shows an issue about the parameters as a whole, and errors without details, above the form', () => {
    const whole = new ApiError(422, 'validation_failed', 'x', [
      { path: '/parameters', message: 'must be an object' },
    ]);
    expect(testErrors(whole, fields)).toEqual({ fields: {}, form: ['must be an object'] });
    expect(testErrors(new ApiError(404, 'not_found', 'action not found'), fields)).toEqual({
      fields: {},
      form: ['Action not found.'],
    });
  });
});
