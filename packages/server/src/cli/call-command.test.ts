import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWebhookSecret } from '@toolgate/core';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCall } from './call-command.js';
import { runCli } from './main.js';
import { testIo } from './test-io.js';

let server: LoopbackHttpsServer;
let folder: string;
let caFile: string;

beforeAll(async () => {
  server = await startLoopbackHttpsServer((request, response) => {
    const { parameters } = JSON.parse(request.body) as { parameters: { order_number: string } };
    if (parameters.order_number === 'ORD-404') sendJson(response, 404, { error: 'Order not found' });
    else
      sendJson(response, 200, {
        success: true,
        result: { status: 'shipped', order: parameters.order_number },
      });
  });
  folder = await mkdtemp(join(tmpdir(), 'toolgate-call-'));
  caFile = join(folder, 'ca.pem');
  await writeFile(caFile, (await testCertificate()).cert);
});
afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

async function actionFile(definition: unknown): Promise<string> {
  const path = join(folder, `action-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, typeof definition === 'string' ? definition : JSON.stringify(definition));
  return path;
}

function orderAction() {
  return {
    name: 'check_order_status',
    description: 'Check the status of an order by its number.',
    url: server.url('/orders', 'orders.example.com'),
    auth: { type: 'bearer', token: 'tok_cli_planted_secret' },
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'e.g. ORD-12345' } },
      required: ['order_number'],
    },
  };
}

const loopbackFlags = () => [
  '--allow-network',
  '127.0.0.1/32',
  '--resolve',
  'orders.example.com=127.0.0.1',
  '--ca',
  caFile,
];

describe('toolgate call', () => {
  it('calls the action, prints the redacted request and the result, exits 0', async () => {
    const secret = generateWebhookSecret();
    const io = testIo();
    const path = await actionFile(orderAction());
    const code = await runCli(
      ['call', path, '--params', '{"order_number":"ORD-12345"}', '--secret', secret, ...loopbackFlags()],
      io,
    );
    expect(io.err()).toContain('development only');
    expect(code).toBe(0);
    expect(io.out()).toContain('request as sent');
    expect(io.out()).toContain('"authorization": "[redacted]"');
    expect(io.out()).not.toContain('tok_cli_planted_secret');
    expect(io.out()).toMatch(/call call_\w+: ok/);
    expect(io.out()).toContain('"status": "shipped"');
    const seen = server.requests.at(-1);
    expect(() =>
      new Webhook(secret).verify(seen?.body ?? '', seen?.headers as Record<string, string>),
    ).not.toThrow();
  });

  it('--json prints request and result as JSON', async () => {
    const io = testIo();
    const path = await actionFile(orderAction());
    const code = await runCli(
      ['call', path, '--params', '{"order_number":"ORD-404"}', '--json', ...loopbackFlags()],
      io,
    );
    expect(code).toBe(1);
    const printed = JSON.parse(io.out());
    expect(printed.result).toMatchObject({
      ok: false,
      status: 404,
      failure: { kind: 'http_error', message: 'Order not found' },
    });
    expect(printed.request.headers.authorization).toBe('[redacted]');
  });

  it('is blocked without the loopback exemption, and exits 1', async () => {
    const io = testIo();
    const before = server.connections;
    const path = await actionFile(orderAction());
    const code = await runCli(
      [
        'call',
        path,
        '--params',
        '{"order_number":"ORD-1"}',
        '--resolve',
        'orders.example.com=127.0.0.1',
        '--ca',
        caFile,
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.out()).toContain('failed (blocked)');
    expect(server.connections).toBe(before);
  });

  it('exits 2 listing every problem of an invalid action file', async () => {
    const io = testIo();
    const path = await actionFile({ name: 'Bad Name', url: 'http://x.example.com/', method: 'FETCH' });
    expect(await runCli(['call', path], io)).toBe(2);
    expect(io.err()).toContain('/name');
    expect(io.err()).toContain('/description');
    expect(io.err()).toContain('/url');
    expect(io.err()).toContain('/method');
  });

  it('exits 2 for unreadable files, bad JSON and bad --params', async () => {
    const missing = testIo();
    expect(await runCli(['call', join(folder, 'nope.json')], missing)).toBe(2);
    expect(missing.err()).toContain('cannot read action file');
    const broken = testIo();
    expect(await runCli(['call', await actionFile('{"name": ')], broken)).toBe(2);
    expect(broken.err()).toContain('is not valid JSON');
    const params = testIo();
    expect(await runCli(['call', await actionFile(orderAction()), '--params', '[1]'], params)).toBe(2);
    expect(params.err()).toContain('--params must be a JSON object');
    const network = testIo();
    expect(
      await runCli(['call', await actionFile(orderAction()), '--allow-network', 'nonsense'], network),
    ).toBe(2);
    expect(network.err()).toContain('"nonsense" is not an IP address or CIDR range');
  });

  it('reports missing arguments as a failed call without sending', async () => {
    const io = testIo();
    const before = server.requests.length;
    const code = await runCli(
      ['call', await actionFile(orderAction()), '--params', '{}', ...loopbackFlags()],
      io,
    );
    expect(code).toBe(1);
    expect(io.out()).toContain('failed (invalid_arguments)');
    expect(server.requests.length).toBe(before);
  });

  it('--dry-run builds and signs the request and prints it without resolving or connecting', async () => {
    const secret = generateWebhookSecret();
    const before = server.connections;
    const lookups: string[] = [];
    const io = testIo();
    const code = await runCall(
      await actionFile(orderAction()),
      {
        params: '{"order_number":"ORD-12345"}',
        allowNetwork: [],
        resolve: [],
        secret: [secret],
        json: false,
        dryRun: true,
      },
      io,
      async (host) => {
        lookups.push(host);
        return [];
      },
    );
    expect(code).toBe(0);
    expect(io.out()).toContain('dry run, not sent');
    expect(io.out()).toContain('"webhook-signature": "v1,');
    expect(io.out()).toContain('"authorization": "[redacted]"');
    expect(io.out()).not.toContain('tok_cli_planted_secret');
    expect(lookups).toEqual([]);
    expect(server.connections).toBe(before);

    const invalid = testIo();
    const path = await actionFile(orderAction());
    expect(await runCli(['call', path, '--params', '{}', '--dry-run', '--json'], invalid)).toBe(1);
    expect(JSON.parse(invalid.out())).toMatchObject({ dryRun: true, failure: { kind: 'invalid_arguments' } });
  });
});
