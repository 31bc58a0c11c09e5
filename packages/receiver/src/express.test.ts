import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { toolgateExpress } from './express.js';
import { failure, success } from './response-bodies.js';
import { signTestWebhook, testEnvelopeBody, testSecret } from './test/sign-test-webhook.js';

const secret = testSecret();
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Serves the app on 127.0.0.1 (loopback only) and returns its base URL. */
async function serve(app: Express): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function signedPost(body: string, secrets = [secret]): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signTestWebhook({ body, secrets }) },
    body,
  };
}

const orders: Record<string, { status: string }> = { 'ORD-12345': { status: 'shipped' } };

function orderApp(configure?: (app: Express) => void): Express {
  const app = express();
  configure?.(app);
  app.all(
    '/orders/status',
    toolgateExpress<{ order_number: string }>({
      secret,
      handler: (call, _request, response) => {
        const order = orders[call.parameters.order_number];
        if (!order) {
          response.status(404);
          return failure('Order not found');
        }
        return success(order);
      },
    }),
  );
  return app;
}

describe('toolgateExpress', () => {
  it('verifies, parses and answers with what the handler returns', async () => {
    const base = await serve(orderApp());
    const found = await fetch(`${base}/orders/status`, signedPost(testEnvelopeBody()));
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ success: true, result: { status: 'shipped' } });
    const missing = await fetch(
      `${base}/orders/status`,
      signedPost(testEnvelopeBody({ order_number: 'ORD-1' })),
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ success: false, error: 'Order not found' });
  });

  it('reads GET parameters from the query string', async () => {
    const base = await serve(orderApp());
    const response = await fetch(`${base}/orders/status?order_number=ORD-12345`, {
      headers: signTestWebhook({ body: '', secrets: [secret] }),
    });
    expect(await response.json()).toEqual({ success: true, result: { status: 'shipped' } });
  });

  it('answers 401 with the error shape to a tampered body, and never calls the handler', async () => {
    let called = false;
    const app = express();
    app.post('/hook', toolgateExpress({ secret, handler: () => (called = true) }));
    const base = await serve(app);
    const init = signedPost(testEnvelopeBody());
    const response = await fetch(`${base}/hook`, {
      ...init,
      body: testEnvelopeBody({ order_number: 'ORD-99999' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'no_valid_signature', message: expect.stringContaining('no signature matches') },
    });
    const unsigned = await fetch(`${base}/hook`, { method: 'POST', body: testEnvelopeBody() });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('missing_headers');
    expect(called).toBe(false);
  });

  it('answers 400 with details to a signed body that is not an envelope', async () => {
    const base = await serve(orderApp());
    const response = await fetch(`${base}/orders/status`, signedPost('{"order_number":"ORD-12345"}'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid_envelope');
    expect(body.error.details.map((detail) => detail.path)).toEqual(['/action', '/parameters', '/context']);
  });

  it('as plain middleware, sets request.toolgate and request.body and calls next()', async () => {
    const app = express();
    app.post('/hook', toolgateExpress({ secret }), (request, response) => {
      response.json({ toolgate: request.toolgate, body: request.body });
    });
    const base = await serve(app);
    const body = testEnvelopeBody();
    const response = await fetch(`${base}/hook`, signedPost(body));
    const echoed = (await response.json()) as { toolgate: Record<string, unknown>; body: unknown };
    expect(echoed.toolgate).toMatchObject({
      source: 'envelope',
      action: 'check_order_status',
      rawBody: body,
    });
    expect(echoed.body).toEqual(JSON.parse(body));
  });

  it('verifies non-ASCII bodies over their exact bytes', async () => {
    const app = express();
    app.post('/hook', toolgateExpress({ secret, handler: (call) => call.parameters }));
    const base = await serve(app);
    const response = await fetch(`${base}/hook`, signedPost(testEnvelopeBody({ name: 'Zoë 🌍' })));
    expect(await response.json()).toEqual({ name: 'Zoë 🌍' });
  });

  it('works after express.raw() and after express.json() that keeps the bytes with verify', async () => {
    const viaRaw = express();
    viaRaw.post(
      '/hook',
      express.raw({ type: '*/*' }),
      toolgateExpress({ secret, handler: () => success(1) }),
    );
    const viaVerify = express();
    viaVerify.use(
      express.json({
        verify: (request, _response, buffer) => {
          (request as unknown as { rawBody: Buffer }).rawBody = buffer;
        },
      }),
    );
    viaVerify.post('/hook', toolgateExpress({ secret, handler: () => success(2) }));
    for (const [app, result] of [
      [viaRaw, 1],
      [viaVerify, 2],
    ] as const) {
      const response = await fetch(`${await serve(app)}/hook`, signedPost(testEnvelopeBody()));
      expect(await response.json()).toEqual({ success: true, result });
    }
  });

  it('fails loudly (500, passed to next) when express.json() consumed the raw body first', async () => {
    const errors: unknown[] = [];
    const app = express();
    app.use(express.json());
    app.post('/hook', toolgateExpress({ secret, handler: () => success(1) }));
    app.use(
      (
        error: unknown,
        _request: express.Request,
        response: express.Response,
        _next: express.NextFunction,
      ) => {
        errors.push(error);
        response.status(500).json({ error: { code: (error as { code: string }).code } });
      },
    );
    const response = await fetch(`${await serve(app)}/hook`, signedPost(testEnvelopeBody()));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'raw_body_unavailable' } });
    expect(String((errors[0] as Error).message)).toContain('express.json()');
  });

  it('answers 413 past maxBodyBytes', async () => {
    const app = express();
    app.post('/hook', toolgateExpress({ secret, maxBodyBytes: 100, handler: () => success(1) }));
    const body = testEnvelopeBody({ padding: 'x'.repeat(200) });
    const response = await fetch(`${await serve(app)}/hook`, signedPost(body));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
  });

  it('sends strings as text and passes handler errors to next()', async () => {
    const app = express();
    app.post('/text', toolgateExpress({ secret, handler: () => 'Booked for 7 pm' }));
    app.post(
      '/throws',
      toolgateExpress({
        secret,
        handler: async () => {
          throw new Error('database down');
        },
      }),
    );
    app.use(
      (error: Error, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
        response.status(503).json({ message: error.message });
      },
    );
    const base = await serve(app);
    const text = await fetch(`${base}/text`, signedPost(testEnvelopeBody()));
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe('Booked for 7 pm');
    const thrown = await fetch(`${base}/throws`, signedPost(testEnvelopeBody()));
    expect(thrown.status).toBe(503);
    expect(await thrown.json()).toEqual({ message: 'database down' });
  });

  it('refuses a bad secret when created, not on the first call', () => {
    expect(() => toolgateExpress({ secret: 'not-a-secret' })).toThrow(
      expect.objectContaining({ code: 'invalid_secret' }),
    );
  });
});
