import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type ToolgateHonoEnv, toolgateHono } from './hono.js';
import { failure, success } from './response-bodies.js';
import { signTestWebhook, testEnvelopeBody, testSecret } from './test/sign-test-webhook.js';
import { toResponse } from './to-response.js';

const secret = testSecret();
const orders: Record<string, { status: string }> = { 'ORD-12345': { status: 'shipped' } };

function signedPost(body: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signTestWebhook({ body, secrets: [secret] }) },
    body,
  };
}

function orderApp() {
  const app = new Hono<ToolgateHonoEnv<{ order_number: string }>>();
  app.on(['GET', 'POST'], '/orders/status', toolgateHono({ secret }), (c) => {
    const order = orders[c.get('toolgate').parameters.order_number];
    return order ? c.json(success(order)) : c.json(failure('Order not found'), 404);
  });
  return app;
}

describe('toolgateHono', () => {
  it('verifies, parses and sets c.get("toolgate")', async () => {
    const app = orderApp();
    const found = await app.request('/orders/status', signedPost(testEnvelopeBody()));
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ success: true, result: { status: 'shipped' } });
    const missing = await app.request(
      '/orders/status',
      signedPost(testEnvelopeBody({ order_number: 'ORD-1' })),
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ success: false, error: 'Order not found' });
  });

  it('reads GET parameters from the query string', async () => {
    const response = await orderApp().request('/orders/status?order_number=ORD-12345', {
      headers: signTestWebhook({ body: '', secrets: [secret] }),
    });
    expect(await response.json()).toEqual({ success: true, result: { status: 'shipped' } });
  });

  it('leaves the body readable for later handlers (c.req.json())', async () => {
    const app = new Hono<ToolgateHonoEnv>();
    app.post('/hook', toolgateHono({ secret }), async (c) =>
      c.json({ parsed: await c.req.json(), source: c.get('toolgate').source }),
    );
    const body = testEnvelopeBody({ name: 'Zoë 🌍' });
    const response = await app.request('/hook', signedPost(body));
    expect(await response.json()).toEqual({ parsed: JSON.parse(body), source: 'envelope' });
  });

  it('answers 401 to a tampered or unsigned request, without running the handler', async () => {
    let called = false;
    const app = new Hono();
    app.post('/hook', toolgateHono({ secret }), (c) => {
      called = true;
      return c.text('ok');
    });
    const init = signedPost(testEnvelopeBody());
    const tampered = await app.request('/hook', {
      ...init,
      body: testEnvelopeBody({ order_number: 'ORD-2' }),
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toEqual({
      error: { code: 'no_valid_signature', message: expect.any(String) },
    });
    const unsigned = await app.request('/hook', { method: 'POST', body: testEnvelopeBody() });
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('missing_headers');
    expect(called).toBe(false);
  });

  it('answers 400 to a signed body that is not an envelope', async () => {
    const response = await orderApp().request('/orders/status', signedPost('[1,2]'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_envelope',
        message: expect.any(String),
        details: [{ path: '', message: 'must be an object, got an array' }],
      },
    });
  });

  it('answers 413 past maxBodyBytes', async () => {
    const app = new Hono();
    app.post('/hook', toolgateHono({ secret, maxBodyBytes: 64 }), (c) => c.text('ok'));
    const response = await app.request('/hook', signedPost(testEnvelopeBody()));
    expect(response.status).toBe(413);
  });

  it('uses the bytes Hono cached for an earlier c.req.text() or c.req.json()', async () => {
    for (const read of ['text', 'json', 'arrayBuffer'] as const) {
      const app = new Hono<ToolgateHonoEnv>();
      app.use(async (c, next) => {
        await c.req[read]();
        await next();
      });
      app.post('/hook', toolgateHono({ secret }), (c) => toResponse(success(c.get('toolgate').action)));
      const response = await app.request('/hook', signedPost(testEnvelopeBody({ name: 'Zoë' })));
      expect(await response.json()).toEqual({ success: true, result: 'check_order_status' });
    }
  });

  it('fails loudly when an earlier middleware consumed the raw request itself', async () => {
    const app = new Hono();
    app.use(async (c, next) => {
      await c.req.raw.text();
      await next();
    });
    app.post('/hook', toolgateHono({ secret }), (c) => c.text('ok'));
    app.onError((error, c) => c.json({ code: (error as { code?: string }).code }, 500));
    const refused = await app.request('/hook', signedPost(testEnvelopeBody()));
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({ code: 'raw_body_unavailable' });
  });

  it('refuses a bad secret when created', () => {
    expect(() => toolgateHono({ secret: [] })).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
  });
});
