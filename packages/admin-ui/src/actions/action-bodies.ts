import type { ActionDraft, AuthDraft, HeaderDraft, Method } from './action-draft';
import { authOf, bodyTemplateOf, conversationOf, parametersOf, timeoutMsOf } from './draft-values';
import { isRecord, sameJson } from './json-values';

/**
 * The bodies of `POST /actions` and `PATCH /actions/{id}`, built from the form. Both assume the
 * draft passed `draftProblems`; the server checks everything again.
 */

/** `POST /actions` (the server's `ActionInput`). */
export interface ActionInputBody {
  name: string;
  displayName?: string;
  description: string;
  url: string;
  method: Method;
  timeoutMs?: number;
  enabled: boolean;
  parameters?: unknown;
  headers?: Record<string, string>;
  auth?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
  bodyTemplate?: unknown;
  followRedirects?: boolean;
  signing?: { hexSignatureHeader: boolean };
  code?: { source: string; credentials?: Record<string, string> };
}

/**
 * `PATCH /actions/{id}` (the server's `ActionPatch`): only what changed. Header values: a string
 * replaces, `null` removes, absent keeps. `auth`: an object replaces, and a credential left out
 * is kept when the type is unchanged; `null` removes. `null` also removes `displayName`,
 * `parameters`, `conversation` and `bodyTemplate`.
 */
export interface ActionPatchBody {
  name?: string;
  displayName?: string | null;
  description?: string;
  url?: string;
  method?: Method;
  timeoutMs?: number;
  enabled?: boolean;
  parameters?: unknown;
  headers?: Record<string, string | null>;
  auth?: Record<string, unknown> | null;
  conversation?: Record<string, unknown> | null;
  bodyTemplate?: unknown;
  followRedirects?: boolean;
  signing?: { hexSignatureHeader: boolean };
  code?: { source?: string; credentials?: Record<string, string | null> } | null;
}

/** The new header rows as `{ name: value }`. */
function newHeaders(headers: readonly HeaderDraft[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const header of headers) if (header.kind === 'new') result[header.name.trim()] = header.value;
  return result;
}

export function createBody(draft: ActionDraft): ActionInputBody {
  const body: ActionInputBody = {
    name: draft.name,
    description: draft.description,
    url: draft.url.trim(),
    method: draft.method,
    enabled: draft.enabled,
  };
  if (draft.displayName.trim() !== '') body.displayName = draft.displayName.trim();
  const timeoutMs = timeoutMsOf(draft.timeoutSeconds).value;
  if (timeoutMs !== undefined) body.timeoutMs = timeoutMs;
  const parameters = parametersOf(draft.parameters).value;
  if (parameters !== undefined) body.parameters = parameters;
  const headers = newHeaders(draft.headers);
  if (Object.keys(headers).length > 0) body.headers = headers;
  const auth = authOf(draft.auth).value;
  if (auth !== undefined) body.auth = auth;
  const conversation = conversationOf(draft).value;
  if (conversation !== undefined) body.conversation = conversation;
  const bodyTemplate = bodyTemplateOf(draft.bodyTemplate).value;
  if (bodyTemplate !== undefined) body.bodyTemplate = bodyTemplate;
  if (draft.followRedirects) body.followRedirects = true;
  if (draft.hexSignatureHeader) body.signing = { hexSignatureHeader: true };
  if (draft.codeSource.trim() !== '') {
    const credentials = newHeaders(draft.codeCredentials);
    body.code = { source: draft.codeSource, ...(Object.keys(credentials).length > 0 ? { credentials } : {}) };
  }
  return body;
}

/** The code change: `null` when the code was cleared, the changed source and credentials, or nothing. */
export function codePatch(baseline: ActionDraft, draft: ActionDraft): ActionPatchBody['code'] {
  if (draft.codeSource.trim() === '') return baseline.codeSource.trim() === '' ? undefined : null;
  const credentials = headersPatch(draft.codeCredentials);
  const sourceChanged = draft.codeSource !== baseline.codeSource;
  if (!sourceChanged && credentials === undefined) return undefined;
  return {
    ...(sourceChanged ? { source: draft.codeSource } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

/**
 * Header changes: `null` for each stored header removed, the value for each replaced or added.
 * A removal is left out when a header of the same name (case-insensitive) is added, since the
 * server replaces it anyway and a later `null` would remove the new one.
 */
export function headersPatch(headers: readonly HeaderDraft[]): Record<string, string | null> | undefined {
  const set = new Map<string, string>();
  for (const header of headers) {
    if (header.kind === 'new') set.set(header.name.trim(), header.value);
    else if (header.change === 'replace') set.set(header.name, header.value);
  }
  const setLower = new Set([...set.keys()].map((name) => name.toLowerCase()));
  const patch: Record<string, string | null> = {};
  for (const header of headers) {
    if (header.kind === 'stored' && header.change === 'remove' && !setLower.has(header.name.toLowerCase())) {
      patch[header.name] = null;
    }
  }
  for (const [name, value] of set) patch[name] = value;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * The auth change: `null` to remove a stored auth, the object when the type, a setting or the
 * credential changed (a kept credential is left out), `undefined` when nothing changed.
 */
export function authPatch(baseline: AuthDraft, auth: AuthDraft): Record<string, unknown> | null | undefined {
  const value = authOf(auth).value;
  if (value === undefined) return auth.storedType !== null && auth.storedType !== 'none' ? null : undefined;
  if (auth.storedType !== auth.type) return value;
  return sameJson(authOf(baseline).value, value) ? undefined : value;
}

/** `required` lists the same names whatever their order. */
function sameParameters(a: unknown, b: unknown): boolean {
  const sorted = (schema: unknown) =>
    isRecord(schema) && Array.isArray(schema.required)
      ? { ...schema, required: [...schema.required].map(String).sort() }
      : schema;
  return sameJson(sorted(a), sorted(b));
}

/**
 * The PATCH body for the changes between the form as loaded (`baseline`) and as it is now: only
 * changed fields, secrets by the rules of {@link ActionPatchBody}.
 *
 * @example
 * buildPatch(baseline, { ...baseline, timeoutSeconds: '5' }); // { timeoutMs: 5000 }
 */
export function buildPatch(baseline: ActionDraft, draft: ActionDraft): ActionPatchBody {
  const patch: ActionPatchBody = {};
  if (draft.name !== baseline.name) patch.name = draft.name;
  const displayName = draft.displayName.trim();
  if (displayName !== baseline.displayName.trim())
    patch.displayName = displayName === '' ? null : displayName;
  if (draft.description !== baseline.description) patch.description = draft.description;
  if (draft.url.trim() !== baseline.url.trim()) patch.url = draft.url.trim();
  if (draft.method !== baseline.method) patch.method = draft.method;
  const timeoutMs = timeoutMsOf(draft.timeoutSeconds).value;
  if (timeoutMs !== undefined && timeoutMs !== timeoutMsOf(baseline.timeoutSeconds).value) {
    patch.timeoutMs = timeoutMs;
  }
  if (draft.enabled !== baseline.enabled) patch.enabled = draft.enabled;

  const parameters = parametersOf(draft.parameters).value;
  if (!sameParameters(parameters, parametersOf(baseline.parameters).value)) {
    patch.parameters = parameters === undefined ? null : parameters;
  }
  const headers = headersPatch(draft.headers);
  if (headers !== undefined) patch.headers = headers;
  const auth = authPatch(baseline.auth, draft.auth);
  if (auth !== undefined) patch.auth = auth;

  const conversation = conversationOf(draft).value;
  if (!sameJson(conversation, conversationOf(baseline).value)) {
    patch.conversation = conversation === undefined ? null : conversation;
  }
  const bodyTemplate = bodyTemplateOf(draft.bodyTemplate).value;
  if (!sameJson(bodyTemplate, bodyTemplateOf(baseline.bodyTemplate).value)) {
    patch.bodyTemplate = bodyTemplate === undefined ? null : bodyTemplate;
  }
  if (draft.followRedirects !== baseline.followRedirects) patch.followRedirects = draft.followRedirects;
  if (draft.hexSignatureHeader !== baseline.hexSignatureHeader) {
    patch.signing = { hexSignatureHeader: draft.hexSignatureHeader };
  }
  const code = codePatch(baseline, draft);
  if (code !== undefined) patch.code = code;
  return patch;
}
