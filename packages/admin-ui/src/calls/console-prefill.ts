import { isRecord } from '../actions/json-values';
import { fieldValues, schemaFields } from '../actions/test-console/schema-fields';
import type { CallRecord } from './call-record';

/**
 * "Open in test console": the log has no separate copy of a call's parameters, so they are read
 * back from the request as sent: the `parameters` of Toolgate's JSON envelope (POST, PUT, PATCH),
 * or the query string and the URL's `{placeholders}` (GET, DELETE). The action's page is opened at
 * `/actions/{id}/test?fromCall={callId}`; it loads the call and fills the console with these values.
 */

/** The query parameter of the action's page naming the call to test again. */
export const FROM_CALL_PARAM = 'fromCall';

/** The server's mask for a secret value; such a value is not reused. */
const REDACTED = '[redacted]';
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;
const QUERY_METHODS = new Set(['GET', 'DELETE']);

export type RecoveredParameters =
  | {
      ok: true;
      parameters: Record<string, unknown>;
      /** Names whose values were `[redacted]` in the log: the operator types them again. */
      redacted: string[];
    }
  | { ok: false; reason: string };

/** The parts of an action's definition that say where its parameters went. */
export interface ActionShape {
  url?: unknown;
  bodyTemplate?: unknown;
}

/** The `/actions/...` link of "Open in test console", or `null` for a call of no action (the webhook trigger, a deleted action). */
export function testConsoleHref(call: Pick<CallRecord, 'id' | 'actionId'>): string | null {
  if (call.actionId === null) return null;
  const query = new URLSearchParams({ [FROM_CALL_PARAM]: call.id });
  return `/actions/${encodeURIComponent(call.actionId)}/test?${query.toString()}`;
}

/** The call id of `?fromCall=` in the action page's query string, if any. */
export function fromCallParam(search: string): string | undefined {
  const value = new URLSearchParams(search).get(FROM_CALL_PARAM)?.trim();
  return value ? value : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path of a URL template (`https://x/orders/{id}?v=1` → `/orders/{id}`), braces kept. */
function templatePath(template: string): string {
  const afterScheme = template.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return afterScheme.split(/[?#]/)[0] ?? '';
}

/** The values of the template's `{placeholders}` in a sent URL's path. */
function pathValues(template: string, sentPath: string): Record<string, string> {
  const expected = templatePath(template).split('/');
  const actual = sentPath.split('/');
  const values: Record<string, string> = {};
  if (expected.length !== actual.length) return values;
  expected.forEach((segment, index) => {
    const names: string[] = [];
    const source = segment
      .split(PLACEHOLDER)
      .map((part, position) => {
        if (position % 2 === 0) return escapeRegExp(part);
        names.push(part);
        return '(.*?)';
      })
      .join('');
    if (names.length === 0) return;
    const match = new RegExp(`^${source}$`).exec(actual[index] ?? '');
    names.forEach((name, position) => {
      const value = match?.[position + 1];
      if (value !== undefined) values[name] = decode(value);
    });
  });
  return values;
}

/** The query names the action's own URL has (`?v=1`): not parameters. */
function templateQueryNames(template: string): Set<string> {
  const query = template.split('#')[0]?.split('?')[1] ?? '';
  return new Set(new URLSearchParams(query).keys());
}

function fromQuery(url: string, action: ActionShape): Record<string, unknown> | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const template = typeof action.url === 'string' ? action.url : undefined;
  const own = template ? templateQueryNames(template) : new Set<string>();
  const parameters: Record<string, unknown> = template ? pathValues(template, parsed.pathname) : {};
  for (const [name, value] of parsed.searchParams) {
    if (!own.has(name)) parameters[name] = value;
  }
  return parameters;
}

function fromBody(body: string | undefined): Record<string, unknown> | string {
  if (body === undefined || body === '') return 'The request had no body to read the parameters from.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'The logged request body is not complete JSON (the log keeps the first 10 KB), so its parameters cannot be read.';
  }
  if (!isRecord(parsed) || !isRecord(parsed.parameters) || typeof parsed.action !== 'string') {
    return "The request body is not Toolgate's envelope, so its parameters cannot be read back.";
  }
  return parsed.parameters;
}

/**
 * The parameters a call was made with, read back from its request (see the top of this file).
 * Values the log shows as `[redacted]` are left out and named.
 *
 * @example
 * callParameters({ request: { method: 'POST', url: 'https://x/o', headers: {}, body: '{"action":"a","parameters":{"n":1},"context":{}}' } });
 * // { ok: true, parameters: { n: 1 }, redacted: [] }
 */
export function callParameters(
  call: Pick<CallRecord, 'request'>,
  action: ActionShape = {},
): RecoveredParameters {
  const { request } = call;
  if (request === null) {
    return { ok: false, reason: 'No request was built for this call (its arguments were refused).' };
  }
  if (
    action.bodyTemplate !== undefined &&
    action.bodyTemplate !== null &&
    !QUERY_METHODS.has(request.method)
  ) {
    return { ok: false, reason: 'This action sends a body template, so the parameters cannot be read back.' };
  }
  const found = QUERY_METHODS.has(request.method) ? fromQuery(request.url, action) : fromBody(request.body);
  if (found === undefined) return { ok: false, reason: 'The logged URL does not parse.' };
  if (typeof found === 'string') return { ok: false, reason: found };
  const parameters: Record<string, unknown> = {};
  const redacted: string[] = [];
  for (const [name, value] of Object.entries(found)) {
    if (typeof value === 'string' && value.includes(REDACTED)) redacted.push(name);
    else parameters[name] = value;
  }
  return { ok: true, parameters, redacted };
}

/** What the test console starts with when opened from a call. */
export interface ConsolePrefill {
  values: Record<string, string>;
  /** One sentence under the console's heading: where the values come from, or why they could not. */
  note: string;
}

/**
 * The test console's fields for a call of this action: the parameters read back from the request,
 * matched to the saved schema's fields.
 */
export function consolePrefill(
  call: CallRecord,
  action: { id: string; definition: Record<string, unknown> },
): ConsolePrefill {
  if (call.actionId !== action.id) {
    return {
      values: {},
      note: `Call ${call.id} was made by another action, so its parameters were not filled in.`,
    };
  }
  const recovered = callParameters(call, action.definition);
  if (!recovered.ok)
    return { values: {}, note: `Could not fill in the parameters of call ${call.id}: ${recovered.reason}` };
  const values = fieldValues(schemaFields(action.definition.parameters), recovered.parameters);
  const parts = [`Filled in with the parameters of call ${call.id}.`];
  if (recovered.redacted.length > 0) {
    parts.push(`Type again the values the log keeps redacted: ${recovered.redacted.join(', ')}.`);
  }
  return { values, note: parts.join(' ') };
}
