import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { testCertificate } from '@toolgate/core/test';
import { z } from 'zod';

/** A real MCP server for tests, over HTTPS on 127.0.0.1, counting its connections and requests. */
export interface LoopbackMcpServer {
  port: number;
  /** Every request's headers, in order. */
  headers: IncomingHttpHeaders[];
  /** The tools called, with their arguments. */
  called: Array<{ name: string; args: unknown }>;
  connections: number;
  close(): Promise<void>;
}

/** Long enough for every test's timeout to pass first. */
const SLOW_MS = 5_000;

/**
 * Starts the SDK's `McpServer` behind its Streamable HTTP transport (stateless: a server per
 * request) on 127.0.0.1 with the test certificate. Tools: `get_weather {city}` ("Sunny in
 * <city>"), `fail` (a tool error), `slow` (answers after 5 s), `big {size}` (that many x's),
 * `echo` (says back what it was sent, to see a secret scrubbed). Only `/mcp` is served (any
 * other path: 404). With `requiredHeader`, a request without that exact header and value is a 401.
 */
export async function startLoopbackMcpServer(
  options: { requiredHeader?: { name: string; value: string } } = {},
): Promise<LoopbackMcpServer> {
  const { key, cert } = await testCertificate();
  const headers: IncomingHttpHeaders[] = [];
  const called: LoopbackMcpServer['called'] = [];
  const state = { connections: 0 };
  const timers = new Set<NodeJS.Timeout>();

  function mcpServer(): McpServer {
    const server = new McpServer({ name: 'loopback-weather', version: '1.0.0' });
    server.registerTool(
      'get_weather',
      { description: 'The weather in a city today.', inputSchema: { city: z.string() } },
      async ({ city }) => {
        called.push({ name: 'get_weather', args: { city } });
        return { content: [{ type: 'text', text: `Sunny in ${city}` }] };
      },
    );
    server.registerTool('fail', { description: 'Always fails.' }, async () => {
      called.push({ name: 'fail', args: {} });
      return { isError: true, content: [{ type: 'text', text: 'the warehouse is closed' }] };
    });
    server.registerTool('slow', { description: 'Answers late.' }, async () => {
      called.push({ name: 'slow', args: {} });
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, SLOW_MS);
        timers.add(timer);
      });
      return { content: [{ type: 'text', text: 'finally' }] };
    });
    server.registerTool(
      'big',
      { description: 'A long answer.', inputSchema: { size: z.number().int() } },
      async ({ size }) => {
        called.push({ name: 'big', args: { size } });
        return { content: [{ type: 'text', text: 'x'.repeat(size) }] };
      },
    );
    server.registerTool(
      'echo',
      { description: 'Says back what it was sent.', inputSchema: { text: z.string() } },
      async ({ text }) => {
        called.push({ name: 'echo', args: { text } });
        return { content: [{ type: 'text', text }] };
      },
    );
    return server;
  }

  const https = createServer({ key, cert }, (request, response) => {
    headers.push(request.headers);
    const required = options.requiredHeader;
    if (required && request.headers[required.name.toLowerCase()] !== required.value) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":"unauthorized"}');
      return;
    }
    if (!request.url?.startsWith('/mcp')) {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not found</h1>');
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const server = mcpServer();
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      void server
        .connect(transport)
        .then(() =>
          transport.handleRequest(request, response, JSON.parse(Buffer.concat(chunks).toString('utf8'))),
        )
        .catch((error: unknown) =>
          response.destroy(error instanceof Error ? error : new Error(String(error))),
        );
    });
  });
  https.on('connection', () => {
    state.connections += 1;
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  return {
    port: (https.address() as AddressInfo).port,
    headers,
    called,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        https.closeAllConnections();
        https.close(() => resolve());
      }),
  };
}
