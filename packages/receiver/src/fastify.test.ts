import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { toolgateFastify } from './fastify.js';
import { failure, success } from './response-bodies.js';
import { signTestWebhook, testEnvelopeBody, testSecret } from './test/sign-test-webhook.js';

const secret = testSecret();
const orders: Record<string, { status: string }> = { 'ORD-12345': { status: 'shipped' } };
const apps: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function signed(body: string) {
  return { 'content-type': 'application/json', ...signTestWebhook({ body, secrets: [secret] }) };
}

async function orderApp(options: { maxBodyBytes?: number } = {}): Promise<FastifyInstance> {
  const app = Fastify();
  apps.push(app);
  await app.register(async (scope) => {
    await scope.register(toolgateFastify, { secret, ...options });
    scope.route({
      method: ['GET', 'POST'],
      url: '/orders/status',
      handler: async (request, reply) => {
        const order = orders[String(request.toolgate.parameters.order_number)];
        return order ? success(order) : reply.code(404).send(failure('Order not found'));
      },
    });
    scope.post('/echo', async (request) => ({ body: request.body, toolgate: request.toolgate }));
  });
  // A sibling route outside the scope keeps Fastify's usual JSON parsing and no signature check.
  app.post('/public', async (request) => ({ received: request.body }));
  return app;
}

describe('toolgateFastify', () => {
  it('verifies, parses and sets request.toolgate', async () => {
    const app = await orderApp();
    const body = testEnvelopeBody();
    const found = await app.inject({
      method: 'POST',
      url: '/orders/status',
      headers: signed(body),
      payload: body,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({ success: true, result: { status: 'shipped' } });
    const other = testEnvelopeBody({ order_number: 'ORD-1' });
    const missing = await app.inject({
      method: 'POST',
      url: '/orders/status',
      headers: signed(other),
      payload: other,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ success: false, error: 'Order not found' });
  });

  it('reads GET parameters from the query string', async () => {
    const app = await orderApp();
    const response = await app.inject({
      method: 'GET',
      url: '/orders/status?order_number=ORD-12345',
      headers: signTestWebhook({ body: '', secrets: [secret] }),
    });
    expect(response.json()).toEqual({ success: true, result: { status: 'shipped' } });
  });

  it('hands the handler the parsed envelope as request.body and the exact bytes as rawBody', async () => {
    const app = await orderApp();
    const body = testEnvelopeBody({ name: 'Zoë 🌍' });
    const response = await app.inject({ method: 'POST', url: '/echo', headers: signed(body), payload: body });
    const echoed = response.json() as { body: unknown; toolgate: { rawBody: string; source: string } };
    expect(echoed.body).toEqual(JSON.parse(body));
    expect(echoed.toolgate.rawBody).toBe(body);
    expect(echoed.toolgate.source).toBe('envelope');
  });

  it('accepts any content type, or none, as raw bytes', async () => {
    const app = await orderApp();
    const body = testEnvelopeBody();
    for (const contentType of ['text/plain', 'application/octet-stream', undefined]) {
      const headers: Record<string, string> = signTestWebhook({ body, secrets: [secret] });
      if (contentType) headers['content-type'] = contentType;
      const response = await app.inject({ method: 'POST', url: '/orders/status', headers, payload: body });
      expect(response.statusCode).toBe(200);
    }
  });

  it('answers 401 to a tampered or unsigned request, and 400 to a bad envelope', async () => {
    const app = await orderApp();
    const body = testEnvelopeBody();
    const tampered = await app.inject({
      method: 'POST',
      url: '/orders/status',
      headers: signed(body),
      payload: testEnvelopeBody({ order_number: 'ORD-2' }),
    });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toEqual({ error: { code: 'no_valid_signature', message: expect.any(String) } });
    const unsigned = await app.inject({ method: 'POST', url: '/orders/status', payload: body });
    expect(unsigned.statusCode).toBe(401);
    const notEnvelope = '{"order_number":"ORD-12345"}';
    const bad = await app.inject({
      method: 'POST',
      url: '/orders/status',
      headers: signed(notEnvelope),
      payload: notEnvelope,
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('invalid_envelope');
  });

  it('leaves routes outside its scope alone', async () => {
    const app = await orderApp();
    const response = await app.inject({ method: 'POST', url: '/public', payload: { hello: 'world' } });
    expect(response.json()).toEqual({ received: { hello: 'world' } });
  });

  it('answers 413 past maxBodyBytes', async () => {
    const app = await orderApp({ maxBodyBytes: 64 });
    const body = testEnvelopeBody();
    const response = await app.inject({
      method: 'POST',
      url: '/orders/status',
      headers: signed(body),
      payload: body,
    });
    expect(response.statusCode).toBe(413);
  });

  it('refuses a bad secret when registered', async () => {
    const app = Fastify();
    apps.push(app);
    await expect(app.register(toolgateFastify, { secret: 'whsec_short' })).rejects.toMatchObject({
      code: 'invalid_secret',
    });
  });
});
