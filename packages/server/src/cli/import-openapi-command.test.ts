import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { runCli } from './main.js';
import { testIo } from './test-io.js';

const PETSTORE = fileURLToPath(
  new URL('../../../core/src/openapi/fixtures/petstore-swagger-2.0.json', import.meta.url),
);

let t: TestApp;
let server: ReturnType<typeof serve>;
let url: string;
beforeAll(async () => {
  t = await createTestApp({ resolve: async () => ['93.184.216.34'] });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const run = (...args: string[]) => {
  const io = testIo();
  return runCli(['import', 'openapi', ...args, '--url', url, '--key', t.tenantA.adminKey], io).then(
    (code) => ({
      code,
      out: io.out(),
      err: io.err(),
    }),
  );
};

describe('toolgate import openapi', () => {
  it('prints every operation with its convertibility and reasons, creating nothing', async () => {
    const { code, out } = await run(PETSTORE);
    expect(code).toBe(0);
    expect(out).toContain('Swagger Petstore 1.0.5 (swagger-2.0): 20 operations, 11 can become actions');
    expect(out).toContain(
      '+ GET /pet/{petId} -> get_pet_by_id [auth: api_key in header api_key, scheme api_key]',
    );
    expect(out).toContain('server https://petstore.swagger.io/v2\n');
    expect(out).toContain('server http://petstore.swagger.io/v2 (not usable: the server URL');
    expect(out).toContain('- POST /pet/{petId}/uploadImage -> upload_file');
    expect(out).toContain('    cannot: the request body is an array (arrays are not supported)');
    expect(out).toContain(
      'diff with stored actions: 11 new, 0 changed, 0 unchanged, 0 no longer in the document',
    );
    expect(await t.services.actions.list(t.tenantA.id)).toEqual([]);
  });

  it('creates the chosen operations with --secret, and refuses a scheme no operation uses', async () => {
    const wrong = await run(PETSTORE, '--create', 'getPetById', '--secret', 'petstore=abc');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--secret names "petstore", which no operation uses (schemes: api_key)');

    const { code, out } = await run(
      PETSTORE,
      '--create',
      'getPetById,placeOrder',
      '--secret',
      'api_key=cli-key-1234',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/created get_pet_by_id \(act_\w+\); signing secret, shown once: whsec_/);
    expect(out).toMatch(/created place_order \(act_\w+\)/);
    const names = (await t.services.actions.list(t.tenantA.id))
      .map((action) => action.definition.name)
      .sort();
    expect(names).toEqual(['get_pet_by_id', 'place_order']);

    const again = await run(PETSTORE);
    expect(again.out).toContain('diff with stored actions: 9 new, 0 changed, 2 unchanged');
  });

  it('builds the actions on --base-url', async () => {
    const { code, out } = await run(PETSTORE, '--base-url', 'https://staging.example.com/v2');
    expect(code).toBe(0);
    expect(out).toContain('base URL (chosen): https://staging.example.com/v2\n');
    const refused = await run(PETSTORE, '--base-url', 'http://staging.example.com/v2');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/422: the base URL is not usable: .*not https/);
  });

  it('fails with the server message when the operation cannot become an action', async () => {
    const { code, err } = await run(PETSTORE, '--create', 'addPet');
    expect(code).toBe(1);
    expect(err).toMatch(/422: some operations cannot be created .*oauth2/);
  });
});
