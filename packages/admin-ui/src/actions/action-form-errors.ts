import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import { formErrors, jsonPointer } from '../api/field-errors';
import type { ActionDraft } from './action-draft';
import { type DraftProblem, headerPath, RATE_LIMIT_CALLS_RULE, rowPath, SECONDS_RULES } from './draft-values';
import { isBlankRow } from './parameter-rows';

/**
 * Messages by control of the action form. A control is named by the server's JSON pointer when
 * it has a fixed one (`/url`, `/conversation/messages/start`), or by the row paths of
 * `draft-values` for parameter and header rows, whose pointers depend on the names typed.
 */
export type FieldMessages = Record<string, string[]>;

export interface ActionFormErrors {
  fields: FieldMessages;
  form: string[];
}

export const NO_FORM_ERRORS: ActionFormErrors = { fields: {}, form: [] };

/** Controls with a fixed pointer. An issue under none of them is shown above the form. */
const FIXED_FIELDS = [
  '/name',
  '/displayName',
  '/description',
  '/url',
  '/method',
  '/timeoutMs',
  '/enabled',
  '/parameters',
  '/headers',
  '/auth',
  '/auth/type',
  '/auth/username',
  '/auth/in',
  '/auth/name',
  '/auth/token',
  '/auth/password',
  '/auth/value',
  '/conversation',
  '/conversation/confirmation',
  '/conversation/allowDirectWidgetEvents',
  '/conversation/messages',
  '/conversation/messages/start',
  '/conversation/messages/delayed',
  '/conversation/messages/delayed/text',
  '/conversation/messages/delayed/afterMs',
  '/conversation/messages/failure',
  '/conversation/responseFields',
  '/conversation/triggers',
  '/conversation/triggers/phrases',
  '/conversation/triggers/entities',
  '/conversation/triggers/requires',
  '/conversation/rateLimit',
  '/conversation/rateLimit/calls',
  '/conversation/rateLimit/windowMs',
  '/bodyTemplate',
  '/followRedirects',
  '/signing',
  '/signing/hexSignatureHeader',
] as const;

/**
 * Server pointers whose control is named otherwise, or whose rule the form states in its own
 * words: the API counts milliseconds where the form shows seconds, so "must be a whole number of
 * milliseconds from 1000 to 30000" at a field in seconds becomes "must be from 1 to 30 seconds".
 */
const SHOWN_AS: Record<string, { control: string; message?: string }> = {
  '/timeoutMs': { control: '/timeoutMs', message: SECONDS_RULES['/timeoutMs'] },
  '/conversation/messages/delayed/afterMs': {
    control: '/conversation/messages/delayed/afterMs',
    message: SECONDS_RULES['/conversation/messages/delayed/afterMs'],
  },
  '/conversation/rateLimit/calls': { control: '#rateLimit/calls', message: RATE_LIMIT_CALLS_RULE },
  '/conversation/rateLimit/windowMs': {
    control: '#rateLimit/window',
    message: SECONDS_RULES['#rateLimit/window'],
  },
};

/** The server's pointers for the rows and headers as they are named now, each with its control. */
function rowControls(draft: ActionDraft): Map<string, string> {
  const controls = new Map<string, string>();
  const add = (pointer: string, control: string) => {
    if (!controls.has(pointer)) controls.set(pointer, control);
  };
  if (draft.parameters.tab === 'rows') {
    for (const row of draft.parameters.rows) {
      if (isBlankRow(row)) continue;
      const at = jsonPointer('parameters', 'properties', row.name.trim());
      add(at, rowPath(row.key, 'name'));
      add(`${at}/type`, rowPath(row.key, 'kind'));
      add(`${at}/format`, rowPath(row.key, 'kind'));
      add(`${at}/description`, rowPath(row.key, 'description'));
      add(`${at}/enum`, rowPath(row.key, 'allowed'));
    }
  }
  for (const header of draft.headers) {
    const name = header.name.trim();
    if (name === '') continue;
    const replacing = header.kind === 'stored' && header.change === 'replace';
    add(jsonPointer('headers', name), headerPath(header.key, replacing ? 'value' : 'name'));
  }
  return controls;
}

/**
 * What the form shows for a failed save: each of the server's issues at its control (the
 * deepest one its pointer is at or under), everything else above the form.
 *
 * @example
 * actionFormErrors(new ApiError(422, 'validation_failed', '...', [{ path: '/url', message: 'must use https' }]), draft);
 * // { fields: { '/url': ['must use https'] }, form: [] }
 */
export function actionFormErrors(error: unknown, draft: ActionDraft): ActionFormErrors {
  if (!(error instanceof ApiError) || error.details.length === 0) {
    return { fields: {}, form: [describeError(error)] };
  }
  const controls = rowControls(draft);
  const placed = formErrors(error, [...FIXED_FIELDS, ...controls.keys()]);
  const fields: FieldMessages = {};
  for (const [pointer, messages] of Object.entries(placed.fields)) {
    if (messages === undefined) continue;
    const shown = SHOWN_AS[pointer];
    const control = controls.get(pointer) ?? shown?.control ?? pointer;
    const texts = shown?.message === undefined ? messages : [shown.message];
    fields[control] = [...new Set([...(fields[control] ?? []), ...texts])];
  }
  return { fields, form: placed.form };
}

/**
 * The form's own problems by control: those of values typed so far, and, once a save was tried,
 * those of fields still empty too.
 */
export function problemMessages(problems: readonly DraftProblem[], submitted: boolean): FieldMessages {
  const fields: FieldMessages = {};
  for (const problem of problems) {
    if (problem.missing && !submitted) continue;
    fields[problem.path] = [...(fields[problem.path] ?? []), problem.message];
  }
  return fields;
}

/** The form's problems and the server's, by control, the form's first; no message twice. */
export function mergeMessages(...sources: readonly FieldMessages[]): FieldMessages {
  const merged: FieldMessages = {};
  for (const source of sources) {
    for (const [control, messages] of Object.entries(source)) {
      const list = merged[control] ?? [];
      for (const message of messages) if (!list.includes(message)) list.push(message);
      merged[control] = list;
    }
  }
  return merged;
}

/** What the fixed controls are called on screen, for the summary above the form. */
const CONTROL_LABELS: Record<string, string> = {
  '/name': 'Name',
  '/displayName': 'Display name',
  '/description': 'Description',
  '/url': 'URL',
  '/method': 'Method',
  '/timeoutMs': 'Timeout',
  '/enabled': 'Enabled',
  '/parameters': 'Parameters',
  '/headers': 'Headers',
  '/auth': 'Authentication',
  '/auth/type': 'Authentication type',
  '/auth/username': 'User name',
  '/auth/in': 'Send the key',
  '/auth/name': 'Key name',
  '/auth/token': 'Token',
  '/auth/password': 'Password',
  '/auth/value': 'Key',
  '/conversation': 'Conversation settings',
  '/conversation/confirmation': 'Confirmation',
  '/conversation/allowDirectWidgetEvents': 'Direct widget events',
  '/conversation/messages': 'Messages',
  '/conversation/messages/start': 'Message before the call',
  '/conversation/messages/delayed': 'Message if the call takes long',
  '/conversation/messages/delayed/text': 'Message if the call takes long',
  '/conversation/messages/delayed/afterMs': 'After (seconds)',
  '/conversation/messages/failure': 'Message if the call fails',
  '/conversation/responseFields': 'Response fields',
  '/conversation/triggers': 'Triggers',
  '/conversation/triggers/phrases': 'Phrases',
  '/conversation/triggers/entities': 'Mentioned things',
  '/conversation/triggers/requires': 'Requires',
  '/conversation/rateLimit': 'Rate limit',
  '#rateLimit/calls': 'Calls per conversation',
  '#rateLimit/window': 'Rate limit window',
  '/bodyTemplate': 'Body template',
  '/followRedirects': 'Follow redirects',
  '/signing': 'Signing',
  '/signing/hexSignatureHeader': 'X-Toolgate-Signature',
};

const ROW_FIELD_LABELS: Record<string, string> = {
  name: 'name',
  kind: 'type',
  description: 'description',
  allowed: 'allowed values',
  value: 'value',
};

/**
 * What a control is called, for the summary of a failed save: `URL`, `Parameter 2 (day): type`,
 * `Header X-Api-Key: value`.
 */
export function controlLabel(control: string, draft: ActionDraft): string {
  const fixed = CONTROL_LABELS[control];
  if (fixed !== undefined) return fixed;
  const match = /^#(parameter|header)\/(.+)\/(\w+)$/.exec(control);
  if (match === null) return control;
  const [, kind, key, field] = match;
  const part = ROW_FIELD_LABELS[field ?? ''] ?? field;
  if (kind === 'parameter') {
    const index = draft.parameters.rows.findIndex((row) => row.key === key);
    const name = draft.parameters.rows[index]?.name.trim() ?? '';
    return `Parameter ${index + 1}${name === '' ? '' : ` (${name})`}: ${part}`;
  }
  const index = draft.headers.findIndex((header) => header.key === key);
  const name = draft.headers[index]?.name.trim() ?? '';
  return `Header ${name === '' ? index + 1 : name}: ${part}`;
}

/** One entry per control with a message, for the summary above the form. */
export function errorSummary(
  messages: FieldMessages,
  draft: ActionDraft,
): { control: string; label: string; messages: string[] }[] {
  return Object.entries(messages).map(([control, list]) => ({
    control,
    label: controlLabel(control, draft),
    messages: list,
  }));
}
