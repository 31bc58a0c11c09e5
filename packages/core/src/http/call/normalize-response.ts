import { MAX_REDIRECTS } from '../../actions/action-definition.js';
import { isRecord } from '../../is-record.js';
import type { ActionFailure } from './action-result.js';
import { createSecretScrubber, type SecretScrubber } from './redact.js';

/** The parts of a normalized result that depend only on the response. */
export type NormalizedOutcome =
  | { ok: true; data?: unknown; message?: string }
  | { ok: false; failure: ActionFailure };

/** Longest error text taken from a body that is not JSON. */
const MAX_ERROR_TEXT = 300;

function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim());
}

/** The error text an endpoint gave: `error`, `error.message`, `message`, or none. */
function errorText(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const { error, message } = body;
  if (typeof error === 'string' && error.trim() !== '') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  if (typeof message === 'string' && message.trim() !== '') return message;
  return undefined;
}

/** Parses the body as sent, then scrubs every string of the value (escapes are decoded by then). */
function parseJson(text: string, scrubber: SecretScrubber): { ok: true; value: unknown } | { ok: false } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  return { ok: true, value: scrubber.parsed(value) };
}

/** Why a 3xx is the final answer. */
export type RedirectEnd = 'not_followed' | 'limit_exceeded' | 'no_location' | 'not_a_redirect';

const NO_SECRETS = createSecretScrubber([]);

function redirectMessage(status: number, location: string | undefined, end: RedirectEnd): string {
  const where = location ? ` to ${location}` : '';
  if (end === 'limit_exceeded') {
    return `the endpoint sent more than ${MAX_REDIRECTS} redirects, the most this action follows; the last (${status}) pointed${where}`;
  }
  if (end === 'no_location') return `the endpoint redirected (${status}) without a usable Location`;
  if (end === 'not_a_redirect')
    return `the endpoint answered ${status}${where}, which is not a redirect to follow`;
  return `the endpoint redirected (${status})${where}; this action does not follow redirects`;
}

/** A 2xx JSON body, by shape (see docs/architecture/executor.md). */
function normalizeSuccessBody(body: unknown): NormalizedOutcome {
  if (!isRecord(body)) return { ok: true, data: body };
  if (body.success === false) {
    return {
      ok: false,
      failure: {
        kind: 'endpoint_error',
        message: errorText(body) ?? 'the endpoint reported a failure',
        expected: true,
      },
    };
  }
  if (body.success === true) {
    if ('result' in body) return { ok: true, data: body.result };
    if (typeof body.message === 'string') return { ok: true, message: body.message };
    const { success: _success, ...rest } = body;
    return { ok: true, data: rest };
  }
  if (body.error !== undefined && body.error !== null && body.error !== false && !('data' in body)) {
    return {
      ok: false,
      failure: {
        kind: 'endpoint_error',
        message: errorText(body) ?? 'the endpoint reported an error',
        expected: true,
      },
    };
  }
  if (typeof body.message === 'string') return { ok: true, message: body.message };
  if ('data' in body) return { ok: true, data: body.data };
  return { ok: true, data: body };
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Turns a final (non-redirect-followed) response into an outcome, by the shapes the seed vendors
 * document: `{success:true,result}`, `{success:false,error}`, `{error}`, `{message}` (verbatim),
 * `{data}`, any other JSON, or text (`{response_text}`); 2xx ok, 4xx expected failure,
 * 5xx unexpected failure, 429 `rate_limited`, 3xx a failure (`redirect` says why it was not
 * followed). The body is parsed as received and the parsed value scrubbed with `scrubber`; text
 * taken from the body is scrubbed before it is cut.
 *
 * @example
 * normalizeResponse({ status: 200, body: '{"message":"On its way"}', truncated: false });
 * // { ok: true, message: 'On its way' }
 */
export function normalizeResponse(response: {
  status: number;
  body: string;
  truncated: boolean;
  contentType?: string;
  location?: string;
  retryAfter?: string;
  now?: number;
  redirect?: RedirectEnd;
  scrubber?: SecretScrubber;
  /** `body` already scrubbed with `scrubber` (cut when `truncated`): saves scrubbing it twice. */
  scrubbedBody?: string;
}): NormalizedOutcome {
  const { status, truncated } = response;
  const scrubber = response.scrubber ?? NO_SECRETS;
  const parsed = truncated || response.body.trim() === '' ? undefined : parseJson(response.body, scrubber);
  const json = parsed?.ok ? parsed.value : undefined;
  const body = response.scrubbedBody ?? scrubber.text(response.body, { cut: truncated });

  if (status >= 200 && status < 300) {
    if (body.trim() === '') return { ok: true, data: null };
    if (parsed?.ok) return normalizeSuccessBody(json);
    if (!truncated && isJsonContentType(response.contentType)) {
      return {
        ok: false,
        failure: { kind: 'invalid_response', message: 'the endpoint sent invalid JSON', expected: false },
      };
    }
    return { ok: true, data: { response_text: body } };
  }

  const fromBody = parsed?.ok ? errorText(json) : undefined;
  const textSnippet = !parsed?.ok && body.trim() !== '' ? body.trim().slice(0, MAX_ERROR_TEXT) : undefined;
  const said = fromBody ?? textSnippet;
  if (status >= 300 && status < 400) {
    const location = response.location === undefined ? undefined : scrubber.text(response.location);
    return {
      ok: false,
      failure: {
        kind: 'http_error',
        message: redirectMessage(status, location, response.redirect ?? 'not_followed'),
        expected: false,
      },
    };
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.retryAfter, response.now ?? Date.now());
    return {
      ok: false,
      failure: {
        kind: 'rate_limited',
        message: said ?? 'the endpoint is rate limiting calls (429)',
        expected: true,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    };
  }
  const expected = status >= 400 && status < 500;
  return {
    ok: false,
    failure: { kind: 'http_error', message: said ?? `the endpoint answered HTTP ${status}`, expected },
  };
}
