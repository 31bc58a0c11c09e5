import { ApiError } from '../api/api-error';
import { type FormErrors, formErrors } from '../api/field-errors';
import type { Scope } from '../auth/scopes';

/** The scopes a key may have, in the order the form lists them, each with what it allows. */
export const KEY_SCOPES: readonly { scope: Scope; description: string }[] = [
  { scope: 'webhooks:read', description: 'Read actions and the call log.' },
  { scope: 'webhooks:manage', description: 'Create, change and test actions (includes webhooks:read).' },
  { scope: 'agents:read', description: 'Read agents.' },
  { scope: 'agents:manage', description: 'Create and change agents (includes agents:read).' },
  { scope: 'conversations:read', description: 'Read conversation transcripts.' },
  { scope: 'chat', description: 'Start conversations and send messages.' },
  { scope: 'events:read', description: 'Read event subscriptions and their deliveries.' },
  {
    scope: 'events:manage',
    description: 'Create, change, test and replay event subscriptions (includes events:read).',
  },
  { scope: 'tools', description: 'Call enabled actions as tools from other agent stacks (MCP, tools API).' },
  { scope: 'admin', description: 'Everything, plus keys, operators and the tenant.' },
];

/** The one scope of a widget key. */
export const WIDGET_SCOPE: Scope = 'chat';

/** The create form as typed. */
export interface KeyDraft {
  name: string;
  scopes: Scope[];
  /** A public key for the chat widget: scope chat, one agent, listed origins. */
  widget: boolean;
  agentId: string;
  /** One origin a line. */
  origins: string;
}

export const EMPTY_KEY_DRAFT: KeyDraft = { name: '', scopes: [], widget: false, agentId: '', origins: '' };

/** The body of `POST /api-keys` (`CreateApiKeyBody`). */
export interface CreateKeyBody {
  name: string;
  scopes: Scope[];
  widget?: { agentId: string; origins: string[] };
}

/** The form's fields, as JSON pointers into the body. */
export const KEY_FIELDS = ['/name', '/scopes', '/widget/agentId', '/widget/origins'] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

/**
 * The origins typed one a line: each trimmed, a trailing `/` dropped (`https://shop.example.com/`
 * is the origin `https://shop.example.com`), blank lines and repeats left out.
 *
 * @example
 * parseOrigins(' https://shop.example.com/\n\nhttps://shop.example.com'); // ['https://shop.example.com']
 */
export function parseOrigins(text: string): string[] {
  const origins: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const origin = line.trim().replace(/\/+$/, '');
    if (origin !== '' && !origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** Adds or removes a scope, keeping the order of `KEY_SCOPES`. */
export function toggleScope(scopes: readonly Scope[], scope: Scope, on: boolean): Scope[] {
  const chosen = new Set(scopes);
  if (on) chosen.add(scope);
  else chosen.delete(scope);
  return KEY_SCOPES.map((entry) => entry.scope).filter((candidate) => chosen.has(candidate));
}

/** An origin: scheme and host (and port), nothing after them (`CreateApiKeyBody`). */
const ORIGIN = /^https?:\/\/[^/?#]+$/;
export const ORIGIN_RULE = 'must be an origin like https://shop.example.com, without a path';

export type KeyBodyResult =
  | { ok: true; body: CreateKeyBody }
  | { ok: false; errors: Partial<Record<KeyField, string[]>> };

/**
 * The request body for the draft, or the problems the form can see before sending (the server
 * checks everything again). A widget key's scope is always `chat`, whatever boxes were ticked.
 */
export function buildKeyBody(draft: KeyDraft): KeyBodyResult {
  const errors: Partial<Record<KeyField, string[]>> = {};
  const name = draft.name.trim();
  if (name === '') errors['/name'] = ['is required'];
  else if (name.length > 100) errors['/name'] = ['must be at most 100 characters'];
  if (!draft.widget) {
    if (draft.scopes.length === 0) errors['/scopes'] = ['choose at least one scope'];
    return Object.keys(errors).length > 0
      ? { ok: false, errors }
      : { ok: true, body: { name, scopes: [...draft.scopes] } };
  }
  const agentId = draft.agentId.trim();
  const origins = parseOrigins(draft.origins);
  if (agentId === '') errors['/widget/agentId'] = ['choose the agent the widget talks to'];
  if (origins.length === 0)
    errors['/widget/origins'] = ['enter at least one origin, such as https://shop.example.com'];
  else if (origins.length > 20) errors['/widget/origins'] = ['at most 20 origins'];
  else {
    // The server's rule for each origin, in its words, so one save reports every problem.
    const wrong = origins.filter((origin) => !ORIGIN.test(origin));
    if (wrong.length > 0) errors['/widget/origins'] = wrong.map((origin) => `“${origin}”: ${ORIGIN_RULE}`);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name, scopes: [WIDGET_SCOPE], widget: { agentId, origins } } };
}

const ORIGIN_ISSUE = /^\/widget\/origins\/(\d+)$/;

/**
 * The server's answer to a create spread over the form. An issue of one origin
 * (`/widget/origins/1`) goes to the origins field and names the origin it is about.
 */
export function keyFormErrors(error: unknown, sent: CreateKeyBody | undefined): FormErrors<KeyField> {
  if (!(error instanceof ApiError)) return formErrors(error, KEY_FIELDS);
  const origins = sent?.widget?.origins ?? [];
  const details = error.details.map((issue) => {
    const index = ORIGIN_ISSUE.exec(issue.path)?.[1];
    const origin = index === undefined ? undefined : origins[Number(index)];
    return origin === undefined
      ? issue
      : { path: '/widget/origins', message: `“${origin}”: ${issue.message}` };
  });
  return formErrors(new ApiError(error.status, error.code, error.message, details), KEY_FIELDS);
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * The tag a website pastes to show the chat widget of a widget key.
 *
 * @example
 * widgetSnippet('https://toolgate.example', 'agt_1', 'tg_abc');
 * // '<script src="https://toolgate.example/widget.js" data-agent="agt_1" data-key="tg_abc"></script>'
 */
export function widgetSnippet(serverOrigin: string, agentId: string, value: string): string {
  const src = `${serverOrigin.replace(/\/+$/, '')}/widget.js`;
  return `<script src="${escapeAttribute(src)}" data-agent="${escapeAttribute(agentId)}" data-key="${escapeAttribute(value)}"></script>`;
}
