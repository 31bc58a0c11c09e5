import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ActionResult } from '@toolgate/core';
import { REDACTED } from '@toolgate/core';
import type { OpenedRemoteMcpServer } from '../stores/remote-mcp-store.js';
import type { RemoteMcpFailure } from './remote-mcp-error.js';

/** The text a model reads of a tool's result: its text blocks, other blocks named, structured content as JSON. */
export function resultText(result: CallToolResult): string {
  const parts = result.content.map((block) => {
    if (block.type === 'text') return block.text;
    if (block.type === 'resource_link') return `[resource ${block.uri}]`;
    if (block.type === 'resource') return `[resource ${block.resource.uri}]`;
    return `[${block.type}]`;
  });
  if (parts.length === 0 && result.structuredContent !== undefined) {
    parts.push(JSON.stringify(result.structuredContent));
  }
  return parts.join('\n');
}

/** Cuts text to `maxChars` characters; `cut` says whether it was cut. */
export function capText(text: string, maxChars: number): { text: string; cut: boolean } {
  if (text.length <= maxChars) return { text, cut: false };
  return { text: text.slice(0, maxChars), cut: true };
}

/** The call as the execution log records it: the request with its credential redacted, the answer's text. */
export function loggedResult(input: {
  callId: string;
  name: string;
  server: OpenedRemoteMcpServer;
  remoteName: string;
  args: Record<string, unknown>;
  durationMs: number;
  /** Cuts the server's secret out of the logged request. */
  scrub: (text: string) => string;
  outcome: { ok: true; text: string; cut: boolean } | { ok: false; failure: RemoteMcpFailure; text?: string };
}): ActionResult {
  const { server, outcome } = input;
  const headers: Record<string, string> = {};
  if (server.auth.type === 'header') headers[server.auth.name] = REDACTED;
  if (server.auth.type === 'oauth2_client_credentials') headers.authorization = REDACTED;
  const common = {
    callId: input.callId,
    action: input.name,
    durationMs: input.durationMs,
    request: {
      method: 'POST',
      url: server.url,
      headers,
      body: input.scrub(
        JSON.stringify({ method: 'tools/call', params: { name: input.remoteName, arguments: input.args } }),
      ),
    },
    redirects: [],
  };
  const text = outcome.text;
  const response =
    text === undefined
      ? null
      : { status: 200, headers: {}, body: text, bodyBytes: Buffer.byteLength(text), truncated: false };
  if (outcome.ok) {
    return {
      ...common,
      ok: true,
      status: 200,
      response,
      truncated: outcome.cut,
      data: { server: server.name, tool: input.remoteName, text: outcome.text },
    };
  }
  return {
    ...common,
    ok: false,
    status: response ? 200 : null,
    response,
    truncated: false,
    failure: { kind: outcome.failure.kind, message: outcome.failure.message, expected: false },
  };
}
