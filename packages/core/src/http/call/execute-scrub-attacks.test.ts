import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import {
  type LoopbackHttpsServer,
  type RecordedRequest,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction, TEST_HOST } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';
import { createSecretScrubber } from './redact.js';

/** Secrets a hostile tester picks because the first scrubber missed them. */
const MIXED_CASE_KEY = 'Zx9Tok3nQ7wV';
const NUMERIC_KEY = '4815162342';
/** Longer than a double holds: JSON.parse rounds it. */
const LONG_NUMERIC_KEY = '12345678901234567891';

/** A non-ASCII secret, and a cap that cuts the body inside the 3 bytes of its `€` (outside Latin-1). */
const UMLAUT_KEY = 'geheim-passw€rt-9';
const CUT_PADDING = 40;
const CUT_CAP_BYTES = '{"echo":"'.length + CUT_PADDING + Buffer.byteLength('geheim-passw') + 1;

let server: LoopbackHttpsServer;
let executor: Executor;

function reply(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

/** Echoes the `x-key` header back in the spelling the path names. */
function answer(request: RecordedRequest, response: ServerResponse) {
  const url = new URL(request.url, 'https://echo.test');
  const key = String(request.headers['x-key'] ?? url.searchParams.get('k') ?? '');
  const path = url.pathname;
  switch (path) {
    case '/number':
      return reply(response, 200, `{"data":{"key":${key},"list":[${key}]}}`);
    case '/bare-number':
      return reply(response, 200, key);
    case '/upper':
      return reply(response, 401, JSON.stringify({ error: `key ${key.toUpperCase()} is not valid` }));
    case '/lower':
      return reply(response, 200, JSON.stringify({ data: { seen: key.toLowerCase() } }));
    case '/hex':
      return reply(response, 200, JSON.stringify({ data: { dump: Buffer.from(key).toString('hex') } }));
    case '/hex-upper':
      return reply(
        response,
        200,
        JSON.stringify({ data: { dump: Buffer.from(key).toString('hex').toUpperCase() } }),
      );
    case '/padded':
      // The tester pads the echo so the response cap falls inside the secret's `€` (3 bytes).
      return reply(response, 200, `{"echo":"${'x'.repeat(CUT_PADDING)}${key}"}`);
    case '/base64-blob': {
      // A debug field: the request's headers as base64 JSON, the key at any byte offset in it.
      const pad = 'p'.repeat(Number(url.searchParams.get('pad') ?? 0));
      const blob = Buffer.from(JSON.stringify({ pad, headers: request.headers })).toString(
        url.searchParams.get('alphabet') === 'url' ? 'base64url' : 'base64',
      );
      return reply(response, 200, JSON.stringify({ data: { debug: blob } }));
    }
    case '/gzip-chunks': {
      // The key split across two chunked writes of a gzip stream, cut inside the key.
      const zipped = gzipSync(JSON.stringify({ data: { echo: key, also: `x${key.toLowerCase()}x` } }));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const middle = Math.floor(zipped.length / 2);
      response.write(zipped.subarray(0, middle));
      return void setImmediate(() => response.end(zipped.subarray(middle)));
    }
    case '/header-name':
      return reply(response, 200, '{"data":null}', { [`x-seen-${key}`]: '1' });
    default:
      return reply(response, 404, '{"error":"no such echo"}');
  }
}

beforeAll(async () => {
  server = await startLoopbackHttpsServer(answer);
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

function echoAction(path: string, key: string): ActionDefinition {
  return orderStatusAction(server, {
    url: server.url(path, TEST_HOST),
    method: 'GET',
    headers: { 'X-Key': key },
  });
}

async function echoed(path: string, key: string): Promise<string> {
  const result = await executor.execute({
    action: echoAction(path, key),
    parameters: { order_number: 'ORD-1' },
  });
  expect(result.response, `${path}: no response (${JSON.stringify(result)})`).not.toBeNull();
  return JSON.stringify(result);
}

describe('spellings of a secret the first scrubber let through', () => {
  it('a numeric key echoed as a JSON number is redacted in the parsed data', async () => {
    const text = await echoed('/number', NUMERIC_KEY);
    expect(text).not.toContain(NUMERIC_KEY);
    expect(text).toContain('[redacted]');
  });

  it('a numeric key echoed as the whole body is redacted', async () => {
    expect(await echoed('/bare-number', NUMERIC_KEY)).not.toContain(NUMERIC_KEY);
  });

  it('a numeric key too long for a double is redacted even though JSON.parse rounds it', async () => {
    const text = await echoed('/number', LONG_NUMERIC_KEY);
    expect(text).not.toContain(String(Number(LONG_NUMERIC_KEY)));
    expect(text).not.toContain(LONG_NUMERIC_KEY.slice(0, 15));
  });

  it('a key echoed upper-cased or lower-cased is redacted', async () => {
    expect(await echoed('/upper', MIXED_CASE_KEY)).not.toContain(MIXED_CASE_KEY.toUpperCase());
    expect(await echoed('/lower', MIXED_CASE_KEY)).not.toContain(MIXED_CASE_KEY.toLowerCase());
  });

  it('a key echoed as hex of its bytes, either case, is redacted', async () => {
    const hex = Buffer.from(MIXED_CASE_KEY).toString('hex');
    expect(await echoed('/hex', MIXED_CASE_KEY)).not.toContain(hex);
    expect(await echoed('/hex-upper', MIXED_CASE_KEY)).not.toContain(hex.toUpperCase());
  });

  it('a key in a gzip body sent in chunks is redacted once the body is whole', async () => {
    const text = await echoed('/gzip-chunks', MIXED_CASE_KEY);
    expect(text.toLowerCase()).not.toContain(MIXED_CASE_KEY.toLowerCase());
    expect(text).toContain('[redacted]');
  });

  it('a key echoed in a response header name is redacted from the headers kept', async () => {
    const text = await echoed('/header-name', MIXED_CASE_KEY);
    expect(text.toLowerCase()).not.toContain(MIXED_CASE_KEY.toLowerCase());
  });

  it('a body cut by the cap inside a multi-byte character of a secret keeps no start of it', async () => {
    const { executor: capped } = await createTestExecutor({ responseCapBytes: CUT_CAP_BYTES });
    try {
      // In the query: a header value cannot carry `€`.
      const auth = { type: 'api_key', in: 'query', name: 'k', value: UMLAUT_KEY } as const;
      const result = await capped.execute({
        action: orderStatusAction(server, { url: server.url('/padded', TEST_HOST), method: 'GET', auth }),
        parameters: { order_number: 'ORD-1' },
      });
      expect(result.truncated).toBe(true);
      const text = JSON.stringify(result);
      expect(text).not.toContain('geheim-passw');
      expect(text).toContain('[redacted]');
    } finally {
      await capped.close();
    }
  });

  for (const alphabet of ['standard', 'url']) {
    it(`a key inside a longer ${alphabet} base64 text is redacted at every byte offset`, async () => {
      for (const pad of [0, 1, 2]) {
        const path = `/base64-blob?pad=${pad}&alphabet=${alphabet}`;
        const text = await echoed(path, MIXED_CASE_KEY);
        const debug = (JSON.parse(text) as { data: { debug: string } }).data.debug;
        const decoded = Buffer.from(debug.replace('[redacted]', ''), 'base64').toString('latin1');
        expect(decoded, `offset ${pad}`).not.toContain(MIXED_CASE_KEY.slice(2, -2));
        expect(debug, `offset ${pad}`).toContain('[redacted]');
      }
    });
  }

  it('two secrets that overlap where they meet leave neither half behind', () => {
    const scrubber = createSecretScrubber(['abcd1234', '1234wxyz']);
    expect(scrubber.text('x abcd1234wxyz y')).toBe('x [redacted] y');
    expect(scrubber.text('abcd1234 1234wxyz')).toBe('[redacted] [redacted]');
  });

  it('basic credentials in hex are redacted', () => {
    const scrubber = createSecretScrubber(['shop:pa55word', 'pa55word']);
    const hex = Buffer.from('shop:pa55word').toString('hex');
    expect(scrubber.text(`dump ${hex} ${hex.toUpperCase()}`)).toBe('dump [redacted] [redacted]');
  });

  it('an ordinary number is left as it is', () => {
    const scrubber = createSecretScrubber([NUMERIC_KEY]);
    expect(scrubber.parsed({ count: 42, price: 4.5, id: 4815 })).toEqual({ count: 42, price: 4.5, id: 4815 });
    // 'abc' is 616263 in hex: a spelling, but no reason to hide the number.
    expect(createSecretScrubber(['abc']).parsed({ id: 616263 })).toEqual({ id: 616263 });
    expect(createSecretScrubber(['4815']).parsed({ id: 94815, n: 4815.5 })).toEqual({
      id: '[redacted]',
      n: '[redacted]',
    });
  });
});

describe('a redirect to another origin that carries the query along', () => {
  it('sends the other origin no api key from the query', async () => {
    const other = await startLoopbackHttpsServer((_request, response) =>
      reply(response, 200, '{"message":"landed"}'),
    );
    try {
      // A naive redirect that keeps the query string, to a host the credential was never meant for.
      server.setHandler((request, response) => {
        const query = new URL(request.url, 'https://echo.test').search;
        const copied = encodeURIComponent(String(request.headers['x-shop-key']));
        response.writeHead(307, { location: other.url(`/landing${query}&copy=${copied}`, TEST_HOST) });
        response.end();
      });
      const result = await executor.execute({
        action: orderStatusAction(server, {
          url: server.url('/orders', TEST_HOST),
          method: 'GET',
          followRedirects: true,
          auth: { type: 'api_key', in: 'query', name: 'api_key', value: 'qk_live_7Hd93kLm' },
          headers: { 'X-Shop-Key': 'hk_live_Q2m8vZ4r' },
        }),
        parameters: { order_number: 'ORD-1' },
      });
      expect(result).toMatchObject({ ok: true, message: 'landed' });
      expect(server.requests.at(-1)?.url).toContain('api_key=qk_live_7Hd93kLm');
      const landed = other.requests.at(-1);
      expect(landed?.url).not.toContain('qk_live_7Hd93kLm');
      expect(landed?.url).not.toContain('hk_live_Q2m8vZ4r');
      expect(landed?.url).toContain('order_number=ORD-1');
    } finally {
      server.setHandler(answer);
      await other.close();
    }
  });
});
