import { ApiError, UNEXPECTED_RESPONSE } from '../../api/api-error';
import { describeError } from '../../api/describe-error';
import { type FormErrors, formErrors } from '../../api/field-errors';
import { isRecord } from '../json-values';
import type { TestField } from './schema-fields';

export type TestMode = 'dry_run' | 'live';

/** `POST /actions/{id}/test`. */
export interface TestRequestBody {
  parameters: Record<string, unknown>;
  mode: TestMode;
  confirm?: true;
}

export interface SentRequest {
  method: string;
  url: string;
  /** Secret values are `[redacted]` by the server. */
  headers: Record<string, string>;
  body?: string;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  /** The first 500 characters. */
  body: string;
  truncated: boolean;
}

/** What a test gave back. A dry run has the request only. */
export interface TestOutcome {
  mode: TestMode;
  callId: string;
  request: SentRequest | null;
  /** `null` when no response came (connection refused, timeout); `undefined` for a dry run. */
  response?: TestResponse | null;
  durationMs?: number;
  /** The normalized result, as the model sees it. */
  result?: unknown;
  /** A code action's requests (credentials as secret(name) placeholders) and log lines. */
  code?: CodeRun;
}

export interface CodeRun {
  requests: Array<{ method: string; url: string; status: number | null; durationMs: number; error?: string }>;
  logs: string[];
}

/** A code action's run from the server, or `undefined` when the value is not one. */
export function codeRun(value: unknown): CodeRun | undefined {
  if (!isRecord(value) || !Array.isArray(value.requests) || !Array.isArray(value.logs)) return undefined;
  return {
    requests: value.requests.filter(isRecord).map((request) => ({
      method: String(request.method ?? ''),
      url: String(request.url ?? ''),
      status: typeof request.status === 'number' ? request.status : null,
      durationMs: typeof request.durationMs === 'number' ? request.durationMs : 0,
      ...(typeof request.error === 'string' ? { error: request.error } : {}),
    })),
    logs: value.logs.filter((line): line is string => typeof line === 'string'),
  };
}

/** The string-valued entries of an object from the server (headers). */
export function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** A request as sent (secrets redacted), or `null` when the value is not one. */
export function sentRequest(value: unknown): SentRequest | null {
  if (!isRecord(value) || typeof value.method !== 'string' || typeof value.url !== 'string') return null;
  const request: SentRequest = { method: value.method, url: value.url, headers: stringRecord(value.headers) };
  if (typeof value.body === 'string') request.body = value.body;
  return request;
}

function testResponse(value: unknown): TestResponse | null {
  if (!isRecord(value) || typeof value.status !== 'number') return null;
  return {
    status: value.status,
    headers: stringRecord(value.headers),
    body: typeof value.body === 'string' ? value.body : '',
    truncated: value.truncated === true,
  };
}

/** Checks the shape of a test answer. */
export function toTestOutcome(value: unknown): TestOutcome {
  if (!isRecord(value) || (value.mode !== 'dry_run' && value.mode !== 'live')) {
    throw new ApiError(
      200,
      UNEXPECTED_RESPONSE,
      'the server answered with a test result this app does not understand',
    );
  }
  const outcome: TestOutcome = {
    mode: value.mode,
    callId: typeof value.callId === 'string' ? value.callId : '',
    request: sentRequest(value.request),
  };
  if (value.mode === 'live') outcome.response = testResponse(value.response);
  if (typeof value.durationMs === 'number') outcome.durationMs = value.durationMs;
  if (value.result !== undefined) outcome.result = value.result;
  const code = codeRun(value.code);
  if (code) outcome.code = code;
  return outcome;
}

/** A live test of anything but GET has effects at the endpoint: the UI asks first. */
export function needsConfirmation(mode: TestMode, method: string): boolean {
  return mode === 'live' && method.toUpperCase() !== 'GET';
}

export function testRequestBody(
  parameters: Record<string, unknown>,
  mode: TestMode,
  confirmed: boolean,
): TestRequestBody {
  return confirmed && mode === 'live' ? { parameters, mode, confirm: true } : { parameters, mode };
}

/** A body as text: JSON indented, anything else as it came. */
export function prettyBody(text: string): string {
  if (text.trim() === '') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** "850 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2).replace(/\.?0+$/, '')} s`;
}

/** HTTP status classes for the badge colour. */
export function statusTone(status: number): 'ok' | 'redirect' | 'error' {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'redirect';
  return 'error';
}

/**
 * What the test form shows for a failed test: a 422's parameter issues at their fields
 * (`/parameters/order_number`), everything else (an unknown parameter, a missing confirmation,
 * the action not found) above it.
 */
export function testErrors(error: unknown, fields: readonly TestField[]): FormErrors<string> {
  if (error instanceof ApiError && error.details.length > 0) {
    const placed = formErrors(error, ['/parameters', ...fields.map((field) => field.pointer)]);
    // An issue about the parameters as a whole reads better above the form, without its path.
    const whole = placed.fields['/parameters'] ?? [];
    delete placed.fields['/parameters'];
    return { fields: placed.fields, form: [...whole, ...placed.form] };
  }
  return { fields: {}, form: [describeError(error)] };
}
