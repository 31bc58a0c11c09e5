import { isRecord } from '../../is-record.js';
import type { CappedResponse } from '../transport/dispatch-capped.js';
import type { TokenEndpointFailure } from './action-result.js';

/** A token response is a small JSON object; anything longer is cut here and refused. */
export const TOKEN_RESPONSE_CAP_BYTES = 16 * 1024;
/** Longest access token sent on: JWTs with many claims run to a few KB; header limits are ~8 KB. */
export const MAX_ACCESS_TOKEN_LENGTH = 8 * 1024;
/** How much of a provider's `error_description` is kept. */
export const MAX_ERROR_DESCRIPTION_LENGTH = 300;

/** RFC 6749 section 5.2: `error` is `1*( %x20-21 / %x23-5B / %x5D-7E )`; codes are short words. */
const ERROR_CODE = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/;
/** What an `Authorization: Bearer` value may hold: visible ASCII, no spaces. */
const ACCESS_TOKEN = /^[\x21-\x7e]+$/;

/** What a token endpoint's answer gave: a bearer token, or why not. */
export type TokenResponseOutcome =
  | { ok: true; accessToken: string; expiresInSeconds: number | undefined }
  | { ok: false; failure: TokenEndpointFailure; message: string };

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Control characters out (they could forge log lines), scrubbed, then cut. */
function cleanDescription(value: unknown, scrub: (text: string) => string): string | undefined {
  if (typeof value !== 'string') return undefined;
  let printable = '';
  for (const character of value) {
    const code = character.charCodeAt(0);
    printable += code < 0x20 || code === 0x7f ? ' ' : character;
  }
  const scrubbed = scrub(printable.trim());
  if (scrubbed === '') return undefined;
  return scrubbed.length > MAX_ERROR_DESCRIPTION_LENGTH
    ? `${scrubbed.slice(0, MAX_ERROR_DESCRIPTION_LENGTH)}...`
    : scrubbed;
}

/** `expires_in` in seconds, as a number or a numeric string (some providers send one). */
function expiresInOf(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
}

function refused(
  status: number,
  body: Record<string, unknown> | undefined,
  scrub: (text: string) => string,
): TokenResponseOutcome {
  const failure: TokenEndpointFailure = { reason: 'refused', status };
  const code = body?.error;
  if (typeof code === 'string' && ERROR_CODE.test(code)) failure.error = scrub(code);
  const description = cleanDescription(body?.error_description, scrub);
  if (description !== undefined) failure.errorDescription = description;
  const said = [failure.error, failure.errorDescription].filter(Boolean).join(': ');
  return {
    ok: false,
    failure,
    message: `the token endpoint refused the request (HTTP ${status}${said === '' ? '' : `, ${said}`})`,
  };
}

function unusable(status: number, why: string): TokenResponseOutcome {
  return {
    ok: false,
    failure: { reason: 'invalid_response', status },
    message: `the token endpoint's answer is not a usable bearer token: ${why}`,
  };
}

/**
 * Reads a token endpoint's answer (RFC 6749 sections 5.1 and 5.2): a 2xx JSON object with a
 * bearer `access_token` and, optionally, `expires_in`; anything else is a failure that names the
 * provider's `error` and `error_description` (scrubbed by `scrub`) but never a token. Redirects
 * are refused (a token request is never followed), and so is an answer cut at the cap.
 *
 * @example
 * readTokenResponse({ status: 401, headers: {}, truncated: false,
 *   body: Buffer.from('{"error":"invalid_client"}') }, (text) => text);
 * // { ok: false, failure: { reason: 'refused', status: 401, error: 'invalid_client' }, message: ... }
 */
export function readTokenResponse(
  response: CappedResponse,
  scrub: (text: string) => string,
): TokenResponseOutcome {
  const { status } = response;
  if (response.truncated) {
    return {
      ok: false,
      failure: { reason: 'too_large', status },
      message: `the token endpoint's answer is larger than ${TOKEN_RESPONSE_CAP_BYTES} bytes`,
    };
  }
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      failure: { reason: 'redirect', status },
      message: `the token endpoint answered a redirect (HTTP ${status}); token requests never follow redirects`,
    };
  }
  const body = parseObject(response.body.toString('utf8'));
  if (status < 200 || status >= 300 || (body !== undefined && body.error !== undefined)) {
    return refused(status, body, scrub);
  }
  if (body === undefined) return unusable(status, 'it is not a JSON object');
  const token = body.access_token;
  if (typeof token !== 'string' || token === '') return unusable(status, 'access_token is missing');
  if (token.length > MAX_ACCESS_TOKEN_LENGTH || !ACCESS_TOKEN.test(token)) {
    return unusable(
      status,
      `access_token is not a header-safe value of at most ${MAX_ACCESS_TOKEN_LENGTH} characters`,
    );
  }
  const type = body.token_type;
  // RFC 6749 requires token_type; a few providers leave it out, and only bearer tokens are usable.
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'bearer')) {
    return unusable(status, `token_type ${JSON.stringify(scrub(String(type)).slice(0, 40))} is not Bearer`);
  }
  return { ok: true, accessToken: token, expiresInSeconds: expiresInOf(body.expires_in) };
}
