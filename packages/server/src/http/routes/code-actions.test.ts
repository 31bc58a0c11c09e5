import { type LoopbackHttpsServer, sendJson, startLoopbackHttpsServer } from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackTestApp } from '../../test/loopback-test-app.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let server: LoopbackHttpsServer;
const KEY = 'code-credential-4e8b1d';

beforeAll(async () => {
  server = await startLoopbackHttpsServer((request, response) =>
    sendJson(response, 200, {
      sku: request.url.split('/').at(-1),
      authorized: request.headers['x-key'] === KEY,
      in_stock: 2,
    }),
  );
  t = await createLoopbackTestApp();
});
afterAll(async () => {
  await t.close();
  await server.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
const json = async (response: Response) => (await response.json()) as any;

function codeAction(source: string, name = 'check_stock') {
  return {
    name,
    description: 'Check how many of a product are in stock, by its SKU.',
    url: `https://api.example.com:${server.port}/stock`,
    method: 'GET',
    parameters: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
    code: { source, credentials: { shop_key: KEY }, limits: { maxRequests: 2 } },
  };
}

const STOCK = () => `async function handler({ parameters }) {
  const response = await fetch('https://api.example.com:${server.port}/stock/' + parameters.sku, {
    headers: { 'X-Key': secret('shop_key') },
  });
  const body = await response.json();
  console.log('stock answered', response.status);
  return { inStock: body.in_stock, authorized: body.authorized };
}`;

describe('code actions over the API', () => {
  it('are refused at /code on a server that has them turned off (TOOLGATE_CODE_ACTIONS=off)', async () => {
    const off = await createTestApp({ codeActions: false });
    try {
      const response = await off.call('POST', '/api/v1/actions', { body: codeAction(STOCK(), 'off_code') });
      expect(response.status).toBe(422);
      expect((await json(response)).error.details).toContainEqual(
        expect.objectContaining({
          path: '/code',
          message: expect.stringMatching(/TOOLGATE_CODE_ACTIONS=on/),
        }),
      );
    } finally {
      await off.close();
    }
  });

  it('refuses code that does not compile, at /code/source, and stores nothing', async () => {
    const response = await t.call('POST', '/api/v1/actions', {
      body: codeAction('async function handler( {', 'broken'),
    });
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.error.details).toContainEqual(
      expect.objectContaining({ path: '/code/source', message: expect.stringMatching(/^SyntaxError/) }),
    );
    expect((await json(await t.call('GET', '/api/v1/actions'))).actions ?? []).not.toContainEqual(
      expect.objectContaining({ definition: expect.objectContaining({ name: 'broken' }) }),
    );
  });

  it('keeps credentials write-only, runs live in the test console and shows each inner request', async () => {
    const created = await json(await t.call('POST', '/api/v1/actions', { body: codeAction(STOCK()) }));
    const id = created.action.id as string;
    expect(created.action.definition.code.credentials).toEqual({ shop_key: { set: true } });
    expect(JSON.stringify(created)).not.toContain(KEY);

    const tested = await json(
      await t.call('POST', `/api/v1/actions/${id}/test`, {
        body: { parameters: { sku: 'SKU-9' }, mode: 'live' },
      }),
    );
    expect(tested.result).toMatchObject({ ok: true, data: { inStock: 2, authorized: true } });
    expect(tested.code.requests).toEqual([
      expect.objectContaining({ method: 'GET', url: expect.stringContaining('/stock/SKU-9'), status: 200 }),
    ]);
    expect(tested.code.logs).toEqual(['stock answered 200']);
    expect(JSON.stringify(tested)).not.toContain(KEY);

    // A PATCH of the source keeps the credential; the code still reaches the shop with it.
    const patched = await t.call('PATCH', `/api/v1/actions/${id}`, {
      body: { code: { source: STOCK().replace('console.log', '// console.log') } },
    });
    expect(patched.status).toBe(200);
    const again = await json(
      await t.call('POST', `/api/v1/actions/${id}/test`, {
        body: { parameters: { sku: 'SKU-9' }, mode: 'live' },
      }),
    );
    expect(again.result).toMatchObject({ ok: true, data: { authorized: true } });
    expect(again.code.logs).toEqual([]);
  });
});
