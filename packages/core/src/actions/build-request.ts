import { pointer, ValidationError } from '../errors.js';
import type { ActionMethod, ResolvedActionDefinition } from './action-definition.js';
import { type CallContext, toEnvelopeContext, type WebhookEvent } from './call-context.js';
import { clientSecretBasicPair } from './oauth2-credentials.js';
import { renderBodyTemplate } from './render-body-template.js';

/** Sent on every call so endpoint owners can recognise and filter Toolgate's traffic. */
export const DEFAULT_USER_AGENT = 'Toolgate/0.1 (+https://github.com/toolgate/toolgate)';

/** `{name}` placeholders in a URL path. */
const PATH_PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Methods whose parameters travel in the query string rather than a JSON body. */
const QUERY_METHODS: ReadonlySet<ActionMethod> = new Set(['GET', 'DELETE']);

/** A request ready to sign and send; headers are lower-cased. */
export interface PreparedRequest {
  method: ActionMethod;
  url: URL;
  headers: Record<string, string>;
  /** The exact JSON text sent, or `undefined` for GET/DELETE. */
  body: string | undefined;
  /** Names of headers whose values are secrets (custom headers, auth). */
  secretHeaders: ReadonlySet<string>;
  /** Query parameter names whose values are secrets (api key in query). */
  secretQueryParameters: ReadonlySet<string>;
  /**
   * Every secret value, so echoes of them (in any encoding) can be scrubbed from responses and
   * logs; for basic auth the password and `user:password`.
   */
  secretValues: readonly string[];
}

/** Options of {@link buildRequest}. */
export interface BuildRequestOptions {
  userAgent?: string;
  /** Sent as `{event, data, context}` instead of the parameters envelope or template. */
  event?: WebhookEvent;
  /** Sent exactly as given (JSON) instead of any envelope: an event subscription's `{type, timestamp, data}`. */
  jsonBody?: Record<string, unknown>;
}

/** A URL without placeholders uses no parameter in its path (never added to: see fillPathPlaceholders). */
const NO_NAMES: Set<string> = new Set();

/** URL parsers treat these segments (in any percent-encoding) as "here" and "up one level". */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

function encodePathValue(value: unknown): string {
  return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value ?? ''));
}

/**
 * Fills `{name}` placeholders, encoded so a value cannot add a `/`, `?` or `#`. A segment that
 * becomes `.` or `..` is refused: the URL parser would resolve it and climb out of the path the
 * operator configured (`/orders/{id}` with id `..`).
 */
function fillPathPlaceholders(
  template: string,
  parameters: Record<string, unknown>,
  usedInPath: Set<string>,
): string {
  if (!template.includes('{')) return template;
  return template
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) return segment;
      const names: string[] = [];
      const filled = segment.replace(PATH_PLACEHOLDER, (_match, name: string) => {
        names.push(name);
        usedInPath.add(name);
        return encodePathValue(parameters[name]);
      });
      if (names.length > 0 && DOT_SEGMENT.test(filled)) {
        throw new ValidationError(
          'a path parameter would change the URL path',
          names.map((name) => ({
            path: pointer(name),
            message: 'must not be "." or ".." (it would change the URL path)',
          })),
        );
      }
      return filled;
    })
    .join('/');
}

function queryValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Turns an action, validated arguments and a call context into the request to send: path
 * placeholders filled and encoded, parameters in the query (GET/DELETE) or in the envelope or
 * body template (POST/PUT/PATCH), auth and custom headers, `Idempotency-Key` and a User-Agent.
 * Signing happens later, over the exact body bytes. Throws `ValidationError` when a path value
 * would be a dot segment.
 *
 * @example
 * const request = buildRequest(resolveActionDefaults(action), { order_number: 'ORD-1' }, context);
 * request.body; // '{"action":"check_order_status","parameters":{"order_number":"ORD-1"},"context":{...}}'
 */
export function buildRequest(
  action: ResolvedActionDefinition,
  parameters: Record<string, unknown>,
  context: CallContext,
  options: BuildRequestOptions = {},
): PreparedRequest {
  const usedInPath = action.url.includes('{') ? new Set<string>() : NO_NAMES;
  const url = new URL(fillPathPlaceholders(action.url, parameters, usedInPath));
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'application/json, text/plain;q=0.9, */*;q=0.8',
    'idempotency-key': context.callId,
  };
  const secretHeaders = new Set<string>();
  const secretQueryParameters = new Set<string>();
  const secretValues: string[] = [];

  let body: string | undefined;
  if (QUERY_METHODS.has(action.method)) {
    for (const [name, value] of Object.entries(parameters)) {
      if (value === undefined || value === null || usedInPath.has(name)) continue;
      url.searchParams.set(name, queryValue(value));
    }
  } else {
    const envelopeContext = toEnvelopeContext(context);
    const payload = options.jsonBody
      ? options.jsonBody
      : options.event
        ? { event: options.event.event, data: options.event.data, context: envelopeContext }
        : action.bodyTemplate === undefined
          ? { action: action.name, parameters, context: envelopeContext }
          : renderBodyTemplate(action.bodyTemplate, {
              parameters,
              context: { ...envelopeContext, action: action.name },
            });
    body = JSON.stringify(payload);
    headers['content-type'] = 'application/json';
  }

  for (const [name, value] of Object.entries(action.headers)) {
    const lower = name.toLowerCase();
    headers[lower] = value;
    secretHeaders.add(lower);
    secretValues.push(value);
  }

  const auth = action.auth;
  switch (auth.type) {
    case 'none':
      break;
    case 'bearer':
      headers.authorization = `Bearer ${auth.token}`;
      secretHeaders.add('authorization');
      secretValues.push(auth.token);
      break;
    case 'basic': {
      const encoded = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      headers.authorization = `Basic ${encoded}`;
      secretHeaders.add('authorization');
      // The base64 the header carries is one of the spellings scrubbed for `user:password`.
      secretValues.push(auth.password, `${auth.username}:${auth.password}`);
      break;
    }
    case 'api_key':
      if (auth.in === 'header') {
        headers[auth.name.toLowerCase()] = auth.value;
        secretHeaders.add(auth.name.toLowerCase());
      } else {
        url.searchParams.set(auth.name, auth.value);
        secretQueryParameters.add(auth.name);
      }
      secretValues.push(auth.value);
      break;
    case 'oauth2_client_credentials':
      // The access token is fetched when the call is sent (http/oauth2); the header it goes in
      // is a secret already, and so are the client credentials, whatever echoes them back.
      secretHeaders.add('authorization');
      secretValues.push(auth.clientSecret, clientSecretBasicPair(auth));
      break;
    default: {
      const unknownAuth: never = auth;
      throw new Error(`unknown auth type ${JSON.stringify(unknownAuth)}`);
    }
  }

  return { method: action.method, url, headers, body, secretHeaders, secretQueryParameters, secretValues };
}
