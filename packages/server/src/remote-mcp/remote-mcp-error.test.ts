import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { ModelResponseTooLargeError, TargetBlockedError } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import { classifyRemoteError } from './remote-mcp-error.js';

describe('classifyRemoteError', () => {
  it('names what went wrong in failure kinds', () => {
    const blocked = new TypeError('fetch failed', {
      cause: new TargetBlockedError({
        allowed: false,
        code: 'address_denied',
        reason: 'x resolves to 10.0.0.1',
      }),
    });
    expect(classifyRemoteError(blocked, 1000, [])).toEqual({
      kind: 'blocked',
      message: 'the destination is not allowed: x resolves to 10.0.0.1',
    });
    expect(classifyRemoteError(new StreamableHTTPError(403, 'no'), 1000, []).kind).toBe('auth_failed');
    expect(classifyRemoteError(new StreamableHTTPError(405, 'no'), 1000, []).kind).toBe('invalid_response');
    expect(
      classifyRemoteError(new StreamableHTTPError(-1, 'Unexpected content type: text/html'), 1000, []),
    ).toEqual({
      kind: 'invalid_response',
      message: 'the URL does not answer as an MCP server: Unexpected content type: text/html',
    });
    expect(classifyRemoteError(new McpError(ErrorCode.RequestTimeout, 'late'), 1500, [])).toEqual({
      kind: 'timeout',
      message: 'the MCP server did not answer within 1500 ms',
    });
    expect(classifyRemoteError(new McpError(ErrorCode.InvalidParams, 'bad city'), 1000, []).kind).toBe(
      'endpoint_error',
    );
    expect(classifyRemoteError(new ModelResponseTooLargeError(1024), 1000, [])).toEqual({
      kind: 'too_large',
      message: "the MCP server's response is larger than 1024 bytes",
    });
    expect(classifyRemoteError(new SyntaxError('Unexpected token <'), 1000, []).kind).toBe(
      'invalid_response',
    );
  });

  it('cuts secrets and long texts out of the message', () => {
    const error = new McpError(ErrorCode.InternalError, `rejected key sk-planted-1 ${'x'.repeat(1_000)}`);
    const { message } = classifyRemoteError(error, 1000, ['sk-planted-1']);
    expect(message).not.toContain('sk-planted-1');
    expect(message).toContain('[redacted]');
    expect(message.length).toBeLessThan(320);
  });
});
