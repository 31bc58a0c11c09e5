import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';

const TOKEN = 'tok_planted_secret_4242';
const HEADER_SECRET = 'hdr_planted_secret_9191';
const QUERY_SECRET = 'qry_planted_secret_7373';
const PASSWORD = 'pw_planted_secret_5151';

let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  // An endpoint that echoes back everything it received, secrets included.
  server = await startLoopbackHttpsServer((request, response) =>
    sendJson(
      response,
      500,
      { error: `echo ${JSON.stringify(request.headers)} ${request.url}` },
      { 'x-echo': String(request.headers.authorization) },
    ),
  );
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

describe('secrets', () => {
  it('are sent to the endpoint but appear nowhere in the result', async () => {
    const result = await executor.execute({
      action: orderStatusAction(server, {
        auth: { type: 'bearer', token: TOKEN },
        headers: { 'X-Shop-Key': HEADER_SECRET },
      }),
      parameters: { order_number: 'ORD-1' },
    });
    const seen = server.requests.at(-1);
    expect(seen?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen?.headers['x-shop-key']).toBe(HEADER_SECRET);
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(HEADER_SECRET);
    expect(result.request?.headers.authorization).toBe('[redacted]');
    expect(result.request?.headers['x-shop-key']).toBe('[redacted]');
    expect(result.request?.headers['content-type']).toBe('application/json');
  });

  it('in the query string and basic auth are redacted too', async () => {
    const result = await executor.execute({
      action: orderStatusAction(server, {
        method: 'GET',
        auth: { type: 'api_key', in: 'query', name: 'key', value: QUERY_SECRET },
      }),
      parameters: { order_number: 'ORD-1' },
    });
    expect(server.requests.at(-1)?.url).toContain(`key=${QUERY_SECRET}`);
    expect(result.request?.url).toContain('key=%5Bredacted%5D');
    expect(JSON.stringify(result)).not.toContain(QUERY_SECRET);

    const basic = await executor.execute({
      action: orderStatusAction(server, { auth: { type: 'basic', username: 'shop', password: PASSWORD } }),
      parameters: { order_number: 'ORD-1' },
    });
    const encoded = Buffer.from(`shop:${PASSWORD}`).toString('base64');
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Basic ${encoded}`);
    expect(JSON.stringify(basic)).not.toContain(PASSWORD);
    expect(JSON.stringify(basic)).not.toContain(encoded);
  });

  it('sends an api key in a header', async () => {
    const result = await executor.execute({
      action: orderStatusAction(server, {
        auth: { type: 'api_key', in: 'header', name: 'X-Api-Key', value: QUERY_SECRET },
      }),
      parameters: { order_number: 'ORD-1' },
    });
    expect(server.requests.at(-1)?.headers['x-api-key']).toBe(QUERY_SECRET);
    expect(result.request?.headers['x-api-key']).toBe('[redacted]');
    expect(JSON.stringify(result)).not.toContain(QUERY_SECRET);
  });

  it('a dry run shows the signed request with secrets redacted and sends nothing', () => {
    const before = server.requests.length;
    const prepared = executor.prepare({
      action: orderStatusAction(server, { auth: { type: 'bearer', token: TOKEN } }),
      parameters: { order_number: 'ORD-1' },
      signingSecrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.call.request.headers.authorization).toBe('[redacted]');
    expect(prepared.call.request.headers['webhook-signature']).toMatch(/^v1,/);
    expect(JSON.parse(prepared.call.request.body ?? '')).toMatchObject({
      parameters: { order_number: 'ORD-1' },
    });
    expect(server.requests.length).toBe(before);
  });
});

describe('arguments and body templates', () => {
  it('refuses invalid arguments without sending anything, listing every problem', async () => {
    const before = server.requests.length;
    const result = await executor.execute({ action: orderStatusAction(server), parameters: { wrong: 1 } });
    expect(result).toMatchObject({ ok: false, request: null, failure: { kind: 'invalid_arguments' } });
    expect(!result.ok && result.failure.issues?.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBe(before);
  });

  it('fills a body template with JSON values, never by pasting strings', async () => {
    server.setHandler((request, response) => sendJson(response, 200, { data: JSON.parse(request.body) }));
    const result = await executor.execute({
      action: orderStatusAction(server, {
        parameters: {
          type: 'object',
          properties: { order_number: { type: 'string' }, quantity: { type: 'integer' } },
          required: ['order_number', 'quantity'],
        },
        bodyTemplate: {
          order: '{{parameters.order_number}}',
          qty: '{{parameters.quantity}}',
          note: 'by {{context.trigger}}',
        },
      }),
      parameters: { order_number: '", "admin": true, "x": "', quantity: 3 },
      context: { trigger: 'button_click' },
    });
    expect(result).toMatchObject({
      ok: true,
      data: { order: '", "admin": true, "x": "', qty: 3, note: 'by button_click' },
    });
  });
});
