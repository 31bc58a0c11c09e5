import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { buildConnector } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createLoopbackOnlyDial } from '../../test/loopback-only-dial.js';
import { testCertificate } from '../../test/test-certificate.js';
import {
  createModelFetch,
  DEFAULT_MODEL_RESPONSE_CAP_BYTES,
  type ModelFetch,
  type ModelFetchOptions,
} from './model-fetch.js';
import { TargetBlockedError } from './target-blocked-error.js';

/** A plain-http loopback server counting the TCP connections it accepts. */
async function startPlainServer(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server: Server = createServer(handler);
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Why a model fetch was refused: the TargetBlockedError itself or the cause of undici's TypeError. */
async function refusal(promise: Promise<unknown>): Promise<TargetBlockedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const blocked = error instanceof TargetBlockedError ? error : (error as { cause?: unknown })?.cause;
  if (!(blocked instanceof TargetBlockedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return blocked;
}

/** A dialler that must never be reached: it records the attempt and fails without connecting. */
function forbiddenDial(): { dial: buildConnector.connector; dialled: string[] } {
  const dialled: string[] = [];
  return {
    dialled,
    dial: (options, callback) => {
      dialled.push(options.hostname);
      callback(new Error('this test must not dial'), null);
    },
  };
}

let https: LoopbackHttpsServer;
let ca: string;
const transports: ModelFetch[] = [];

function transport(options: ModelFetchOptions): ModelFetch {
  const created = createModelFetch(options);
  transports.push(created);
  return created;
}

beforeAll(async () => {
  ca = (await testCertificate()).cert;
  https = await startLoopbackHttpsServer((_request, response) => sendJson(response, 200, { ok: true }));
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((created) => created.close()));
});
afterAll(async () => {
  await https.close();
});

describe('createModelFetch: the address policy', () => {
  it('refuses loopback when it is not allowlisted: the server sees no connection', async () => {
    const plain = await startPlainServer((_request, response) => response.end('{}'));
    try {
      const { fetch } = transport({ allowInsecureHttp: true, ca });
      const before = https.connections;
      const blocked = await refusal(fetch(https.url('/v1/chat/completions'), { method: 'POST' }));
      expect(blocked.check.code).toBe('address_denied');
      expect(blocked.message).toMatch(/127\.0\.0\.1/);
      await refusal(fetch(`${plain.url}/v1/chat/completions`, { method: 'POST' }));
      expect(https.connections).toBe(before);
      expect(plain.connections()).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('refuses private and metadata addresses a name resolves to, without dialling', async () => {
    const { dial, dialled } = forbiddenDial();
    const resolved: Record<string, string[]> = {
      'models.corp.example': ['10.0.0.5'],
      'imds.example.com': ['169.254.169.254'],
      'mixed.example.com': ['93.184.215.14', '192.168.1.10'],
    };
    const lookups: string[] = [];
    const { fetch } = transport({
      dial,
      resolve: async (hostname) => {
        lookups.push(hostname);
        return resolved[hostname] ?? [];
      },
    });
    for (const [name, addresses] of Object.entries(resolved)) {
      const blocked = await refusal(fetch(`https://${name}/v1/messages`, { method: 'POST' }));
      expect(blocked.check.code).toBe('address_denied');
      expect(blocked.message).toContain(addresses.at(-1));
    }
    expect(lookups).toEqual(Object.keys(resolved));
    expect(dialled).toEqual([]);
  });

  it('refuses private and metadata IP literals and local names before any look-up or dial', async () => {
    const { dial, dialled } = forbiddenDial();
    const lookups: string[] = [];
    const { fetch } = transport({
      dial,
      resolve: async (hostname) => {
        lookups.push(hostname);
        return ['10.0.0.5'];
      },
    });
    for (const url of ['https://10.0.0.5/v1', 'https://169.254.169.254/latest', 'https://[fd00::1]/v1']) {
      expect((await refusal(fetch(url))).check.code).toBe('address_denied');
    }
    for (const url of [
      'https://localhost/v1',
      'https://metadata.google.internal/',
      'https://ollama:11434/v1',
    ]) {
      expect((await refusal(fetch(url))).check.code).toBe('host_denied');
    }
    expect(lookups).toEqual([]);
    expect(dialled).toEqual([]);
  });

  it('reaches an allowlisted loopback server, by IP and by a name resolved to it (with SNI)', async () => {
    const { dial, log } = createLoopbackOnlyDial(ca);
    const { fetch } = transport({
      allow: { networks: ['127.0.0.0/8'] },
      ca,
      dial,
      resolve: async (hostname) => (hostname === 'api.example.com' ? ['127.0.0.1'] : []),
    });
    const byIp = await fetch(https.url('/v1/models'));
    expect(await byIp.json()).toEqual({ ok: true });
    const byName = await fetch(https.url('/v1/models', 'api.example.com'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"m"}',
    });
    expect(byName.status).toBe(200);
    expect(https.requests.at(-1)).toMatchObject({ body: '{"model":"m"}', servername: 'api.example.com' });
    expect(log.dialled).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(log.refused).toEqual([]);
  });
});

describe('createModelFetch: scheme, redirects and size', () => {
  it('refuses plain http unless allowInsecureHttp, with a message that says how to allow it', async () => {
    const plain = await startPlainServer((_request, response) => response.end('{"ok":true}'));
    try {
      const refusing = transport({ allow: { networks: ['127.0.0.0/8'] } });
      const blocked = await refusal(refusing.fetch(`${plain.url}/v1/chat/completions`));
      expect(blocked.check.code).toBe('scheme_not_allowed');
      expect(blocked.message).toMatch(/plain http is refused.*allow insecure http/);
      expect(plain.connections()).toBe(0);

      const allowing = transport({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
      expect(await (await allowing.fetch(`${plain.url}/v1/models`)).json()).toEqual({ ok: true });
      expect(plain.connections()).toBe(1);

      // http only to the allowlisted address itself: not to a public name, not to another loopback range.
      const narrow = transport({ allow: { networks: ['127.0.0.2/32'] }, allowInsecureHttp: true });
      expect((await refusal(narrow.fetch(`${plain.url}/v1/models`))).check.code).toBe('scheme_not_allowed');
      expect((await refusal(allowing.fetch('http://models.example.com/v1'))).check.code).toBe(
        'scheme_not_allowed',
      );
      expect(plain.connections()).toBe(1);
    } finally {
      await plain.close();
    }
  });

  it('words its refusals for the destination it carries (a model endpoint by default)', async () => {
    const plain = await startPlainServer((_request, response) => response.end('{}'));
    try {
      const models = transport({ allow: { networks: ['127.0.0.0/8'] } });
      expect((await refusal(models.fetch(plain.url))).message).toMatch(/refused for model endpoints/);
      const mcp = transport({ allow: { networks: ['127.0.0.0/8'] }, destination: 'MCP server' });
      const blocked = await refusal(mcp.fetch(plain.url));
      expect(blocked.message).toMatch(/plain http is refused for MCP servers/);
      expect(blocked.message).not.toMatch(/model/);
      expect((await refusal(mcp.fetch('https://user:pw@127.0.0.1/mcp'))).message).toMatch(
        /MCP server URLs must not carry credentials/,
      );
      expect((await refusal(mcp.fetch('not a url'))).message).toMatch(/the MCP server URL is not a valid/);
      expect(plain.connections()).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('refuses other schemes, credentials in the URL and Request objects', async () => {
    const { fetch } = transport({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
    expect((await refusal(fetch('file:///etc/passwd'))).check.code).toBe('scheme_not_allowed');
    expect((await refusal(fetch('https://user:pw@127.0.0.1/v1'))).check.code).toBe('credentials_in_url');
    expect((await refusal(fetch('not a url'))).check.code).toBe('invalid_url');
    await expect(fetch(new Request('https://127.0.0.1/v1'))).rejects.toThrow(/not a Request object/);
  });

  it('returns a redirect instead of following it: the target is never dialled', async () => {
    const plain = await startPlainServer((_request, response) => {
      response.writeHead(302, { location: 'http://10.0.0.5/v1/chat/completions' }).end();
    });
    const { dial, log } = createLoopbackOnlyDial();
    try {
      const { fetch } = transport({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true, dial });
      const response = await fetch(`${plain.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('http://10.0.0.5/v1/chat/completions');
      expect(log.dialled).toEqual(['127.0.0.1']);
      expect(plain.connections()).toBe(1);
    } finally {
      await plain.close();
    }
  });

  it('fails a response larger than the cap, declared or streamed', async () => {
    const big = 'x'.repeat(4096);
    const plain = await startPlainServer((request, response) => {
      if (request.url === '/declared') response.writeHead(200, { 'content-length': big.length }).end(big);
      else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(big.slice(0, 2048));
        response.end(big.slice(2048));
      }
    });
    try {
      const { fetch } = transport({
        allow: { networks: ['127.0.0.0/8'] },
        allowInsecureHttp: true,
        maxResponseBytes: 3000,
      });
      await expect(fetch(`${plain.url}/declared`)).rejects.toThrow(/larger than 3000 bytes/);
      const streamed = await fetch(`${plain.url}/streamed`);
      await expect(streamed.text()).rejects.toThrow(/larger than 3000 bytes/);
      const roomy = transport({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
      const small = await roomy.fetch(`${plain.url}/streamed`);
      expect((await small.text()).length).toBe(4096);
      expect(DEFAULT_MODEL_RESPONSE_CAP_BYTES).toBeGreaterThan(4096);
    } finally {
      await plain.close();
    }
  });
});
