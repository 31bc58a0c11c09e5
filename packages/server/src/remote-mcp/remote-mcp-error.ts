import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import {
  classifyTransportError,
  type FailureKind,
  ModelResponseTooLargeError,
  TargetBlockedError,
} from '@toolgate/core';

/** Why a remote MCP server could not be used, in the call log's failure kinds. */
export interface RemoteMcpFailure {
  kind: FailureKind;
  message: string;
}

/** A remote MCP server could not be used; `kind` and `message` say why, in words for an operator. */
export class RemoteMcpError extends Error {
  readonly kind: FailureKind;

  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = 'RemoteMcpError';
    this.kind = kind;
  }
}

/** Messages are kept this short: a server's error page is not a reason. */
const MAX_MESSAGE_CHARS = 300;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && chain.length < 6) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS)}...` : flat;
}

/**
 * Maps what the SDK's client, the policy fetch or the deadline raised to a failure: `blocked`
 * (the outbound policy refused the address), `timeout`, `auth_failed` (401, 403), `too_large`,
 * `invalid_response` (the URL does not speak MCP), `endpoint_error` (the server's JSON-RPC error),
 * `tls` or `connect_failed`. `secrets` are cut out of every message.
 *
 * @example
 * classifyRemoteError(new StreamableHTTPError(401, 'Error POSTing to endpoint: no'), 5000, []);
 * // { kind: 'auth_failed', message: 'the MCP server refused the credentials (HTTP 401)' }
 */
export function classifyRemoteError(
  error: unknown,
  timeoutMs: number,
  secrets: readonly string[],
): RemoteMcpFailure {
  const failure = classify(error, timeoutMs);
  let message = failure.message;
  for (const secret of secrets) if (secret !== '') message = message.split(secret).join('[redacted]');
  return { kind: failure.kind, message: short(message) };
}

function classify(error: unknown, timeoutMs: number): RemoteMcpFailure {
  const chain = causes(error);
  const blocked = chain.find((item) => item instanceof TargetBlockedError);
  if (blocked)
    return { kind: 'blocked', message: `the destination is not allowed: ${(blocked as Error).message}` };
  if (chain.some((item) => item instanceof ModelResponseTooLargeError)) {
    return {
      kind: 'too_large',
      message: (chain.find((item) => item instanceof ModelResponseTooLargeError) as Error).message.replace(
        "model endpoint's",
        "MCP server's",
      ),
    };
  }
  if (error instanceof RemoteMcpError) return { kind: error.kind, message: error.message };
  if (error instanceof UnauthorizedError) {
    return { kind: 'auth_failed', message: 'the MCP server refused the credentials (HTTP 401)' };
  }
  if (error instanceof StreamableHTTPError) {
    if (error.code === 401 || error.code === 403) {
      return { kind: 'auth_failed', message: `the MCP server refused the credentials (HTTP ${error.code})` };
    }
    if (error.code === -1) {
      return {
        kind: 'invalid_response',
        message: `the URL does not answer as an MCP server: ${error.message.replace(/^Streamable HTTP error: /, '')}`,
      };
    }
    return {
      kind: 'invalid_response',
      message: `the URL does not answer as an MCP Streamable HTTP endpoint (HTTP ${error.code})`,
    };
  }
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) {
      return { kind: 'timeout', message: `the MCP server did not answer within ${timeoutMs} ms` };
    }
    return { kind: 'endpoint_error', message: `the MCP server answered with an error: ${error.message}` };
  }
  if (error instanceof SyntaxError || (error instanceof Error && error.name === 'ZodError')) {
    return { kind: 'invalid_response', message: 'the URL does not answer as an MCP server (not JSON-RPC)' };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { kind: 'timeout', message: `the MCP server did not answer within ${timeoutMs} ms` };
  }
  const transport = classifyTransportError(error, timeoutMs);
  return { kind: transport.kind, message: transport.message.replace(/\bthe endpoint\b/g, 'the MCP server') };
}
