import { DeadlineExceededError, UnsupportedEncodingError } from '../transport/dispatch-capped.js';
import { TargetBlockedError } from '../transport/target-blocked-error.js';
import type { ActionFailure } from './action-result.js';

/** Node and OpenSSL codes that mean the TLS handshake or certificate check failed. */
const TLS_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function codeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/**
 * Maps an error raised while sending a call or reading its answer to a failure kind.
 */
export function classifyTransportError(error: unknown, timeoutMs: number): ActionFailure {
  if (error instanceof DeadlineExceededError) {
    return {
      kind: 'timeout',
      message: `the endpoint did not answer completely within ${timeoutMs} ms`,
      expected: false,
    };
  }
  if (error instanceof TargetBlockedError) {
    return { kind: 'blocked', message: `the destination is not allowed: ${error.message}`, expected: false };
  }
  if (error instanceof UnsupportedEncodingError) {
    return { kind: 'invalid_response', message: error.message, expected: false };
  }
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | undefined)?.cause);
  const message = error instanceof Error ? error.message : String(error);
  if (
    (code && (TLS_ERROR_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) ||
    /certificate|SSL routines/i.test(message)
  ) {
    return { kind: 'tls', message: `the TLS connection failed: ${message}`, expected: false };
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return { kind: 'timeout', message: 'the connection to the endpoint timed out', expected: false };
  }
  return {
    kind: 'connect_failed',
    message: `the endpoint could not be reached: ${message}${code ? ` (${code})` : ''}`,
    expected: false,
  };
}
