import type { ActionView } from './action-view';
import { isSetMarker } from './action-view';
import { isRecord, prettyJson, stringList } from './json-values';
import { type ParameterRow, schemaToRows } from './parameter-rows';

/**
 * What the action form edits, as typed: numbers are kept as text until they are sent, lists as
 * one item per line, secrets as what is being typed now (never what is stored).
 */

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
export const CONFIRMATION_POLICIES = ['auto', 'always', 'never'] as const;
export type ConfirmationPolicy = (typeof CONFIRMATION_POLICIES)[number];
export const TRIGGER_ENTITIES = ['email', 'phone', 'digits', 'date', 'order_id'] as const;
export type TriggerEntity = (typeof TRIGGER_ENTITIES)[number];
export const AUTH_TYPES = ['none', 'bearer', 'basic', 'api_key', 'oauth2_client_credentials'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];
/** How an OAuth2 client authenticates to its token endpoint (core's `OAUTH2_CLIENT_AUTH_METHODS`). */
export const OAUTH2_CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type OAuth2ClientAuthMethod = (typeof OAUTH2_CLIENT_AUTH_METHODS)[number];

/** The server's defaults (core's `DEFAULT_METHOD`, `DEFAULT_TIMEOUT_MS`). */
export const DEFAULT_METHOD: Method = 'POST';
export const DEFAULT_TIMEOUT_SECONDS = 10;

export interface ParametersDraft {
  tab: 'rows' | 'json';
  rows: ParameterRow[];
  /** `additionalProperties: false` is kept when the schema had it. */
  closed: boolean;
  /** The JSON Schema tab's text. */
  json: string;
}

/**
 * A header row. A stored one shows only its name ("set"): it is kept, replaced by a new value or
 * removed. A new one has a name and a value.
 */
export type HeaderDraft =
  | { key: string; kind: 'stored'; name: string; change: 'keep' | 'replace' | 'remove'; value: string }
  | { key: string; kind: 'new'; name: string; value: string };

export interface AuthDraft {
  type: AuthType;
  /** basic */
  username: string;
  /** api_key */
  location: 'header' | 'query';
  /** api_key: the header or query parameter name. */
  keyName: string;
  /** oauth2_client_credentials: the token endpoint. */
  tokenUrl: string;
  /** oauth2_client_credentials */
  clientId: string;
  /** oauth2_client_credentials: scopes separated by spaces or lines, as typed. */
  scopes: string;
  /** oauth2_client_credentials: empty for none. */
  audience: string;
  /** oauth2_client_credentials: client_secret_basic (the server's default) or client_secret_post. */
  clientAuthMethod: OAuth2ClientAuthMethod;
  /** The credential typed now (token, password, key or client secret); empty keeps the stored one. */
  secret: string;
  /** The operator chose to replace a stored credential. */
  replacing: boolean;
  /** The type of the stored auth and whether its credential is stored: what "keep" refers to. */
  storedType: AuthType | null;
  storedSecret: boolean;
}

export interface ActionDraft {
  name: string;
  displayName: string;
  description: string;
  url: string;
  method: Method;
  /** Seconds, as typed (1-30). */
  timeoutSeconds: string;
  enabled: boolean;
  parameters: ParametersDraft;
  headers: HeaderDraft[];
  auth: AuthDraft;
  confirmation: ConfirmationPolicy;
  /** Widget events may call the action directly although it asks for confirmation. */
  allowDirectWidgetEvents: boolean;
  startMessage: string;
  delayedMessage: string;
  /** Seconds, as typed (0.1-30). */
  delayedAfterSeconds: string;
  failureMessage: string;
  /** One dot path per line. */
  responseFields: string;
  /** One phrase per line. */
  phrases: string;
  entities: TriggerEntity[];
  requires: string[];
  rateLimitCalls: string;
  /** Seconds, as typed. */
  rateLimitWindowSeconds: string;
  /** JSON text; empty for the standard envelope. */
  bodyTemplate: string;
  followRedirects: boolean;
  hexSignatureHeader: boolean;
  /** A code action's JavaScript; empty for an endpoint action. */
  codeSource: string;
  /** Its credentials by name: write-only like header values. */
  codeCredentials: HeaderDraft[];
}

export const NO_AUTH: AuthDraft = {
  type: 'none',
  username: '',
  location: 'header',
  keyName: '',
  tokenUrl: 'https://',
  clientId: '',
  scopes: '',
  audience: '',
  clientAuthMethod: 'client_secret_basic',
  secret: '',
  replacing: false,
  storedType: null,
  storedSecret: false,
};

const EMPTY_SCHEMA_TEXT = prettyJson({ type: 'object', properties: {} });

export function emptyDraft(): ActionDraft {
  return {
    name: '',
    displayName: '',
    description: '',
    url: 'https://',
    method: DEFAULT_METHOD,
    timeoutSeconds: String(DEFAULT_TIMEOUT_SECONDS),
    enabled: true,
    parameters: { tab: 'rows', rows: [], closed: false, json: EMPTY_SCHEMA_TEXT },
    headers: [],
    auth: NO_AUTH,
    confirmation: 'auto',
    allowDirectWidgetEvents: false,
    startMessage: '',
    delayedMessage: '',
    delayedAfterSeconds: '',
    failureMessage: '',
    responseFields: '',
    phrases: '',
    entities: [],
    requires: [],
    rateLimitCalls: '',
    rateLimitWindowSeconds: '',
    bodyTemplate: '',
    codeSource: '',
    codeCredentials: [],
    followRedirects: false,
    hexSignatureHeader: false,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

function parametersDraft(schema: unknown): ParametersDraft {
  if (schema === undefined) return emptyDraft().parameters;
  const json = prettyJson(schema);
  const rows = schemaToRows(schema);
  // A schema the rows cannot show opens on the JSON Schema tab, as it is.
  if (!rows.ok) return { tab: 'json', rows: [], closed: false, json };
  return { tab: 'rows', rows: rows.value.rows, closed: rows.value.closed, json };
}

function authDraft(auth: unknown): AuthDraft {
  if (!isRecord(auth)) return NO_AUTH;
  const type = oneOf(AUTH_TYPES, auth.type, 'none');
  const secretField = {
    none: '',
    bearer: 'token',
    basic: 'password',
    api_key: 'value',
    oauth2_client_credentials: 'clientSecret',
  }[type];
  return {
    ...NO_AUTH,
    type,
    username: text(auth.username),
    location: auth.in === 'query' ? 'query' : 'header',
    keyName: text(auth.name),
    ...(type === 'oauth2_client_credentials'
      ? {
          tokenUrl: text(auth.tokenUrl),
          clientId: text(auth.clientId),
          scopes: stringList(auth.scopes).join(' '),
          audience: text(auth.audience),
          clientAuthMethod: oneOf(
            OAUTH2_CLIENT_AUTH_METHODS,
            auth.tokenEndpointAuthMethod,
            'client_secret_basic',
          ),
        }
      : {}),
    storedType: type,
    storedSecret: secretField !== '' && isSetMarker(auth[secretField]),
  };
}

/** The form for a saved action; secrets are shown as stored, never with values. */
export function draftFromAction(view: ActionView): ActionDraft {
  const definition = view.definition;
  const conversation = record(definition.conversation);
  const messages = record(conversation.messages);
  const delayed = record(messages.delayed);
  const triggers = record(conversation.triggers);
  const rateLimit = record(conversation.rateLimit);
  const signing = record(definition.signing);
  const code = record(definition.code);
  const timeoutMs = definition.timeoutMs;
  const afterMs = delayed.afterMs;
  return {
    name: text(definition.name),
    displayName: text(definition.displayName),
    description: text(definition.description),
    url: text(definition.url),
    method: oneOf(METHODS, definition.method, DEFAULT_METHOD),
    timeoutSeconds:
      typeof timeoutMs === 'number' ? String(timeoutMs / 1000) : String(DEFAULT_TIMEOUT_SECONDS),
    enabled: view.enabled,
    parameters: parametersDraft(definition.parameters),
    headers: Object.keys(record(definition.headers)).map((name, index) => ({
      key: `stored-header-${index}`,
      kind: 'stored',
      name,
      change: 'keep',
      value: '',
    })),
    auth: authDraft(definition.auth),
    confirmation: oneOf(CONFIRMATION_POLICIES, conversation.confirmation, 'auto'),
    allowDirectWidgetEvents: conversation.allowDirectWidgetEvents === true,
    startMessage: text(messages.start),
    delayedMessage: text(delayed.text),
    delayedAfterSeconds: typeof afterMs === 'number' ? String(afterMs / 1000) : '',
    failureMessage: text(messages.failure),
    responseFields: stringList(conversation.responseFields).join('\n'),
    phrases: stringList(triggers.phrases).join('\n'),
    entities: stringList(triggers.entities).filter((entity): entity is TriggerEntity =>
      TRIGGER_ENTITIES.includes(entity as TriggerEntity),
    ),
    requires: stringList(triggers.requires),
    rateLimitCalls: typeof rateLimit.calls === 'number' ? String(rateLimit.calls) : '',
    rateLimitWindowSeconds: typeof rateLimit.windowMs === 'number' ? String(rateLimit.windowMs / 1000) : '',
    bodyTemplate: definition.bodyTemplate === undefined ? '' : prettyJson(definition.bodyTemplate),
    followRedirects: definition.followRedirects === true,
    hexSignatureHeader: signing.hexSignatureHeader === true,
    codeSource: text(code.source),
    codeCredentials: Object.keys(record(code.credentials)).map((name, index) => ({
      key: `stored-credential-${index}`,
      kind: 'stored',
      name,
      change: 'keep',
      value: '',
    })),
  };
}
