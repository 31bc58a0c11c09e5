import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { httpJson } from '../test/http-client.js';
import { startServer } from './start-server.js';

const scratch = await mkdtemp(join(tmpdir(), 'toolgate-tracing-'));
const received: string[] = [];
let collector: Server;
let collectorUrl: string;

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(`${request.method} ${request.url} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
});
afterAll(async () => {
  await new Promise((resolve) => collector.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});

const ADMIN_KEY = 'tg_tracing_test_admin_key_0123456789';

it('exports the spans of a turn to the OTLP/HTTP endpoint of TOOLGATE_OTEL_ENDPOINT', async () => {
  const config = {
    ...parseConfig(
      { TOOLGATE_DEMO: 'off', TOOLGATE_OTEL_ENDPOINT: collectorUrl, TOOLGATE_ADMIN_KEY: ADMIN_KEY },
      { data: scratch },
    ),
    port: 0,
  };
  const quiet = pino({ name: 'tracing-test' }, new Writable({ write: (_c, _e, done) => done() }));
  const server = await startServer(config, () => undefined, { logger: quiet });
  const headers = { authorization: `Bearer ${ADMIN_KEY}` };
  const agent = await httpJson(`${server.url}/api/v1/agents`, {
    method: 'POST',
    headers,
    body: { name: 'Traced' },
  });
  expect(agent.status).toBe(201);
  const conversation = await httpJson(`${server.url}/api/v1/conversations`, {
    method: 'POST',
    headers,
    body: { agentId: (agent.body as { agent: { id: string } }).agent.id },
  });
  const id = (conversation.body as { id: string }).id;
  expect(
    (
      await httpJson(`${server.url}/api/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers,
        body: { text: 'hi there!' },
      })
    ).status,
  ).toBe(200);
  await server.close();
  const exported = received.join('\n');
  expect(exported).toContain('POST /v1/traces');
  expect(exported).toContain('invoke_agent');
  expect(exported).toContain('chat embedded');
  expect(exported).toContain('"toolgate"');
}, 60_000);

it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
  expect(() => parseConfig({ TOOLGATE_OTEL_ENDPOINT: 'collector:4318' }, { data: scratch })).toThrow(
    /TOOLGATE_OTEL_ENDPOINT/,
  );
});
