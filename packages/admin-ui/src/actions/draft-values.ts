import type { ActionDraft, AuthDraft, AuthType, HeaderDraft, ParametersDraft } from './action-draft';
import { MAX_DESCRIPTION_LENGTH } from './description-advice';
import { lines, parseJson } from './json-values';
import { headerNameProblem, nameProblem } from './names';
import { allowedValues, isBlankRow, type ParameterRow, rowNames, rowsToSchema } from './parameter-rows';
import { type UrlParameters, urlProblems } from './url-problems';

/**
 * The draft turned into the values the server takes, with the problems found on the way. Problem
 * paths are the server's JSON pointers where a field has one (`/timeoutMs`), and `#parameter/<key>/...`
 * or `#header/<key>/...` for a row that has no usable name yet.
 */
export interface DraftProblem {
  path: string;
  message: string;
  /** Something not filled in yet: shown once a save was tried, not while typing. */
  missing?: boolean;
}

export interface Converted<T> {
  value: T;
  problems: DraftProblem[];
}

export const rowPath = (key: string, field: 'name' | 'kind' | 'description' | 'allowed') =>
  `#parameter/${key}/${field}`;
export const headerPath = (key: string, field: 'name' | 'value') => `#header/${key}/${field}`;
export const credentialPath = (key: string, field: 'name' | 'value') => `#credential/${key}/${field}`;

const missing = (path: string, message: string): DraftProblem => ({ path, message, missing: true });

/** A number typed in a text field, or `undefined` when it is not one. */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : undefined;
}

/**
 * What the fields in seconds take. The API counts milliseconds; the form shows seconds everywhere,
 * so a server message about one of these fields is shown as this rule instead (`action-form-errors`).
 */
export const SECONDS_RULES = {
  '/timeoutMs': 'must be from 1 to 30 seconds',
  '/conversation/messages/delayed/afterMs': 'must be from 0.1 to 30 seconds',
  '#rateLimit/window': 'must be 1 second or more',
} as const;
export const RATE_LIMIT_CALLS_RULE = 'must be a whole number, 1 or more';

export function timeoutMsOf(seconds: string): Converted<number | undefined> {
  const value = numberOf(seconds);
  if (value === undefined || value < 1 || value > 30) {
    const problem = { path: '/timeoutMs', message: SECONDS_RULES['/timeoutMs'] };
    return { value: undefined, problems: [seconds.trim() === '' ? { ...problem, missing: true } : problem] };
  }
  return { value: Math.round(value * 1000), problems: [] };
}

/** Problems of the rows the operator can see as they type: names, duplicates, numbers. */
export function rowProblems(rows: readonly ParameterRow[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const name = row.name.trim();
    const problem = nameProblem(name, 'order_number');
    if (problem) problems.push({ path: rowPath(row.key, 'name'), message: problem, missing: name === '' });
    else if (seen.has(name))
      problems.push({ path: rowPath(row.key, 'name'), message: 'is used by another parameter' });
    seen.add(name);
    if (row.kind === 'number' || row.kind === 'integer') {
      const wrong = allowedValues(row).find(
        (value) => typeof value === 'string' || (row.kind === 'integer' && !Number.isInteger(value)),
      );
      if (wrong !== undefined) {
        problems.push({
          path: rowPath(row.key, 'allowed'),
          message: `"${wrong}" is not a ${row.kind === 'integer' ? 'whole number' : 'number'}`,
        });
      }
    }
  }
  return problems;
}

/** The `parameters` to send: the rows' schema, or the JSON Schema tab's text as it is. */
export function parametersOf(parameters: ParametersDraft): Converted<unknown> {
  if (parameters.tab === 'rows')
    return { value: rowsToSchema(parameters), problems: rowProblems(parameters.rows) };
  if (parameters.json.trim() === '') return { value: undefined, problems: [] };
  const parsed = parseJson(parameters.json);
  if (!parsed.ok) return { value: undefined, problems: [{ path: '/parameters', message: parsed.message }] };
  return { value: parsed.value, problems: [] };
}

/** The parameter names of the draft, from the rows or from the JSON text when it parses. */
export function parameterNamesOf(parameters: ParametersDraft): string[] {
  if (parameters.tab === 'rows') return rowNames(parameters.rows);
  const parsed = parseJson(parameters.json);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return [];
  const properties = (parsed.value as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

/** The parameter names the URL may use, and the required ones, from the rows or the JSON text. */
export function urlParametersOf(parameters: ParametersDraft): UrlParameters {
  if (parameters.tab === 'rows') {
    const rows = parameters.rows.filter((row) => !isBlankRow(row));
    return {
      names: new Set(rowNames(rows)),
      required: new Set(rowNames(rows.filter((row) => row.required))),
    };
  }
  const parsed = parseJson(parameters.json);
  const required =
    parsed.ok && typeof parsed.value === 'object' && parsed.value !== null
      ? (parsed.value as { required?: unknown }).required
      : undefined;
  return {
    names: new Set(parameterNamesOf(parameters)),
    required: new Set(Array.isArray(required) ? required.filter((name) => typeof name === 'string') : []),
  };
}

/** The server's bound on a display name (core's `MAX_DISPLAY_NAME_LENGTH`). */
export const MAX_DISPLAY_NAME_LENGTH = 100;

export function bodyTemplateOf(text: string): Converted<unknown> {
  if (text.trim() === '') return { value: undefined, problems: [] };
  const parsed = parseJson(text);
  if (!parsed.ok) return { value: undefined, problems: [{ path: '/bodyTemplate', message: parsed.message }] };
  return { value: parsed.value, problems: [] };
}

/** The field of each auth type that holds the credential. */
export const SECRET_FIELD: Record<
  Exclude<AuthType, 'none'>,
  'token' | 'password' | 'value' | 'clientSecret'
> = {
  bearer: 'token',
  basic: 'password',
  api_key: 'value',
  oauth2_client_credentials: 'clientSecret',
};

/** The scopes typed, split on spaces and line breaks, each once. */
export function scopesOf(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter((scope) => scope !== ''))];
}

/** The OAuth2 settings of an auth draft (everything but the client secret). */
function oauth2Settings(auth: AuthDraft, value: Record<string, unknown>, problems: DraftProblem[]): void {
  value.tokenUrl = auth.tokenUrl.trim();
  value.clientId = auth.clientId.trim();
  if (auth.tokenUrl.trim() === '' || auth.tokenUrl.trim() === 'https://')
    problems.push(missing('/auth/tokenUrl', 'is required: the https URL of the token endpoint'));
  if (auth.clientId.trim() === '') problems.push(missing('/auth/clientId', 'is required'));
  const scopes = scopesOf(auth.scopes);
  if (scopes.length > 0) value.scopes = scopes;
  if (auth.audience.trim() !== '') value.audience = auth.audience.trim();
  // The server's default is client_secret_basic: only the other choice is sent.
  if (auth.clientAuthMethod === 'client_secret_post') value.tokenEndpointAuthMethod = 'client_secret_post';
}

/** True when the stored credential is kept: same type as stored, and not being replaced. */
export function keepsStoredSecret(auth: AuthDraft): boolean {
  return auth.type !== 'none' && auth.storedType === auth.type && auth.storedSecret && !auth.replacing;
}

/**
 * The `auth` object to send, `undefined` for none. A kept credential is left out: the server keeps
 * the stored one when the type is unchanged.
 */
export function authOf(auth: AuthDraft): Converted<Record<string, unknown> | undefined> {
  if (auth.type === 'none') return { value: undefined, problems: [] };
  const problems: DraftProblem[] = [];
  const value: Record<string, unknown> = { type: auth.type };
  if (auth.type === 'basic') {
    value.username = auth.username;
    if (auth.username.trim() === '') problems.push(missing('/auth/username', 'is required'));
  }
  if (auth.type === 'api_key') {
    value.in = auth.location;
    value.name = auth.keyName;
    if (auth.keyName.trim() === '')
      problems.push(missing('/auth/name', 'is required, e.g. X-Api-Key or api_key'));
  }
  if (auth.type === 'oauth2_client_credentials') oauth2Settings(auth, value, problems);
  const field = SECRET_FIELD[auth.type];
  if (!keepsStoredSecret(auth)) {
    if (auth.secret === '') problems.push(missing(`/auth/${field}`, 'is required'));
    else value[field] = auth.secret;
  }
  return { value, problems };
}

/** Problems of the header rows: names, duplicates (names are case-insensitive), missing values. */
export function headerProblems(headers: readonly HeaderDraft[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const kept = new Set(
    headers
      .filter((header) => header.kind === 'stored' && header.change !== 'remove')
      .map((header) => header.name.toLowerCase()),
  );
  const added = new Set<string>();
  for (const header of headers) {
    if (header.kind === 'stored') {
      if (header.change === 'replace' && header.value === '') {
        problems.push(missing(headerPath(header.key, 'value'), 'is required: type the new value'));
      }
      continue;
    }
    const lower = header.name.trim().toLowerCase();
    const problem = headerNameProblem(header.name.trim());
    if (problem)
      problems.push({ path: headerPath(header.key, 'name'), message: problem, missing: lower === '' });
    else if (kept.has(lower) || added.has(lower)) {
      problems.push({
        path: headerPath(header.key, 'name'),
        message: 'is already set (names are case-insensitive)',
      });
    }
    added.add(lower);
    if (header.value === '') problems.push(missing(headerPath(header.key, 'value'), 'is required'));
  }
  return problems;
}

function textOrUndefined(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** The `conversation` settings to send; `undefined` when every setting is the default. */
export function conversationOf(draft: ActionDraft): Converted<Record<string, unknown> | undefined> {
  const problems: DraftProblem[] = [];
  const conversation: Record<string, unknown> = {};
  if (draft.confirmation !== 'auto') conversation.confirmation = draft.confirmation;
  if (draft.allowDirectWidgetEvents) conversation.allowDirectWidgetEvents = true;

  const messages: Record<string, unknown> = {};
  const start = textOrUndefined(draft.startMessage);
  if (start !== undefined) messages.start = start;
  const delayedText = textOrUndefined(draft.delayedMessage);
  const afterSeconds = numberOf(draft.delayedAfterSeconds);
  const afterMs = afterSeconds === undefined ? undefined : Math.round(afterSeconds * 1000);
  if (delayedText !== undefined || draft.delayedAfterSeconds.trim() !== '') {
    if (delayedText === undefined)
      problems.push(missing('/conversation/messages/delayed/text', 'is required'));
    if (afterMs === undefined || afterMs < 100 || afterMs > 30_000) {
      problems.push({
        path: '/conversation/messages/delayed/afterMs',
        message: SECONDS_RULES['/conversation/messages/delayed/afterMs'],
        missing: draft.delayedAfterSeconds.trim() === '',
      });
    }
    messages.delayed = { afterMs: afterMs ?? draft.delayedAfterSeconds, text: delayedText ?? '' };
  }
  const failure = textOrUndefined(draft.failureMessage);
  if (failure !== undefined) messages.failure = failure;
  if (Object.keys(messages).length > 0) conversation.messages = messages;

  const responseFields = lines(draft.responseFields);
  if (responseFields.length > 0) conversation.responseFields = responseFields;

  const triggers: Record<string, unknown> = {};
  const phrases = lines(draft.phrases);
  if (phrases.length > 0) triggers.phrases = phrases;
  if (draft.entities.length > 0) triggers.entities = draft.entities;
  if (draft.requires.length > 0) triggers.requires = draft.requires;
  if (Object.keys(triggers).length > 0) conversation.triggers = triggers;

  if (draft.rateLimitCalls.trim() !== '' || draft.rateLimitWindowSeconds.trim() !== '') {
    const calls = numberOf(draft.rateLimitCalls);
    const seconds = numberOf(draft.rateLimitWindowSeconds);
    if (calls === undefined || !Number.isInteger(calls) || calls < 1) {
      problems.push({ path: '#rateLimit/calls', message: RATE_LIMIT_CALLS_RULE });
    }
    if (seconds === undefined || seconds < 1) {
      problems.push({ path: '#rateLimit/window', message: SECONDS_RULES['#rateLimit/window'] });
    }
    conversation.rateLimit = { calls: calls ?? 0, windowMs: Math.round((seconds ?? 0) * 1000) };
  }
  return { value: Object.keys(conversation).length > 0 ? conversation : undefined, problems };
}

/**
 * Every problem the form can find before sending, all at once (as the server reports them), so
 * one save attempt lists everything; the server checks everything again.
 */
export function draftProblems(draft: ActionDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const name = nameProblem(draft.name);
  if (name) problems.push({ path: '/name', message: name, missing: draft.name === '' });
  if (draft.displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    problems.push({ path: '/displayName', message: `must be at most ${MAX_DISPLAY_NAME_LENGTH} characters` });
  }
  if (draft.description.trim() === '') {
    problems.push(missing('/description', 'is required: say when the agent should use this action'));
  } else if (draft.description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ path: '/description', message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  if (draft.url.trim() === '' || draft.url.trim() === 'https://')
    problems.push(missing('/url', 'is required'));
  else {
    for (const message of urlProblems(draft.url, urlParametersOf(draft.parameters))) {
      problems.push({ path: '/url', message });
    }
  }
  problems.push(
    ...timeoutMsOf(draft.timeoutSeconds).problems,
    ...parametersOf(draft.parameters).problems,
    ...headerProblems(draft.headers),
    ...authOf(draft.auth).problems,
    ...conversationOf(draft).problems,
    ...bodyTemplateOf(draft.bodyTemplate).problems,
  );
  return problems;
}
