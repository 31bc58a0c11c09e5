/**
 * A raw `tools/list` of an existing MCP session at `url`, as a client would POST it: for tests
 * that look at how an endpoint answers a session id (theirs, another key's, an ended one).
 */
export function toolsListRequest(url: string | URL, sessionId: string, key: string): Request {
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': sessionId,
      'mcp-protocol-version': '2025-06-18',
      authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }),
  });
}
