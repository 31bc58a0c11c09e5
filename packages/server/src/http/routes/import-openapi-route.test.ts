import { readFile } from 'node:fs/promises';
import {
  createLoopbackOnlyDial,
  type DialLog,
  type LoopbackHttpsServer,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

const FIXTURES = new URL('../../../../core/src/openapi/fixtures/', import.meta.url);
const ROUTE = '/api/v1/actions/import/openapi';
const PLANTED_KEY = 'planted-api-key-6c1d0e';

let t: TestApp;
let docs: LoopbackHttpsServer;
let log: DialLog;
let petstore2: Record<string, unknown>;
let petstore31: string;

beforeAll(async () => {
  petstore2 = JSON.parse(await readFile(new URL('petstore-swagger-2.0.json', FIXTURES), 'utf8'));
  petstore31 = await readFile(new URL('petstore-openapi-3.1.yaml', FIXTURES), 'utf8');
  const { cert } = await testCertificate();
  docs = await startLoopbackHttpsServer((request, response) => {
    if (request.url === '/api/v31/openapi.yaml') {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.end(petstore31);
    } else response.writeHead(404).end();
  });
  const dialler = createLoopbackOnlyDial(cert);
  log = dialler.log;
  t = await createTestApp({
    allowPrivateNetworks: ['127.0.0.0/8'],
    // api.example.com is the loopback docs server; private.example.com answers a private address.
    resolve: async (host) =>
      host === 'private.example.com'
        ? ['10.20.30.40']
        : host === 'api.example.com'
          ? ['127.0.0.1']
          : ['93.184.216.34'],
    ca: cert,
    dial: dialler.dial,
  });
});
afterAll(async () => {
  await t.close();
  await docs.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

async function importing(body: Record<string, unknown>, expected: number) {
  const response = await t.call('POST', ROUTE, { body });
  const result = await json(response);
  expect(response.status, JSON.stringify(result).slice(0, 500)).toBe(expected);
  return result;
}

describe('POST /api/v1/actions/import/openapi', () => {
  it('lists an inline document on a dry run and creates nothing', async () => {
    const result = await importing({ document: petstore2, dryRun: true, all: true }, 200);
    expect(result.format).toBe('swagger-2.0');
    expect(result.operations).toHaveLength(20);
    expect(result.diff.added).toHaveLength(11);
    expect(result.created).toEqual([]);
    expect((await t.services.actions.list(t.tenantA.id)).length).toBe(0);
  });

  it('refuses a missing credential and an unconvertible operation before creating anything', async () => {
    const missing = await importing({ document: petstore2, operations: ['placeOrder', 'getPetById'] }, 422);
    expect(missing.error.details).toEqual([
      { path: '/secrets/api_key', message: 'api_key scheme "api_key" needs {"value": "..."}' },
    ]);
    const refused = await importing(
      { document: JSON.stringify(petstore2), operations: ['addPet', 'nope'] },
      422,
    );
    expect(refused.error.details.map((issue: { path: string }) => issue.path)).toEqual([
      '/operations/0',
      '/operations/1',
    ]);
    expect(refused.error.details[0].message).toMatch(/oauth2/);
    expect((await t.services.actions.list(t.tenantA.id)).length).toBe(0);
  });

  it('creates the chosen operations with the secret asked for, then diffs a re-import field by field', async () => {
    const result = await importing(
      {
        document: petstore2,
        operations: ['getPetById', 'place_order'],
        secrets: { api_key: { value: PLANTED_KEY } },
      },
      201,
    );
    expect(
      result.created.map(
        (entry: { action: { definition: { name: string } } }) => entry.action.definition.name,
      ),
    ).toEqual(['get_pet_by_id', 'place_order']);
    expect(result.created[0].action.definition.auth).toEqual({
      type: 'api_key',
      in: 'header',
      name: 'api_key',
      value: { set: true },
    });
    expect(JSON.stringify(result)).not.toContain(PLANTED_KEY);

    const changed = structuredClone(petstore2) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const getPet = changed.paths['/pet/{petId}']?.get as Record<string, unknown>;
    getPet.summary = 'Find one pet of the store by its numeric ID';
    const again = await importing({ document: changed, operations: ['getPetById', 'placeOrder'] }, 200);
    expect(again.skipped.map((entry: { name: string }) => entry.name)).toEqual([
      'get_pet_by_id',
      'place_order',
    ]);
    expect(again.diff.unchanged).toEqual(['place_order']);
    expect(again.diff.changed).toEqual([
      {
        name: 'get_pet_by_id',
        changes: [
          {
            path: '/displayName',
            before: 'Find pet by ID',
            after: 'Find one pet of the store by its numeric ID',
          },
          {
            path: '/description',
            before: 'Find pet by ID. Returns a single pet.',
            after: 'Find one pet of the store by its numeric ID. Returns a single pet.',
          },
        ],
      },
    ]);

    const { paths: _paths, ...withoutPaths } = petstore2;
    const emptied = await importing({ document: { ...withoutPaths, paths: {} }, dryRun: true }, 200);
    expect(emptied.diff.removed).toEqual([]);
  });

  it('fetches a document by URL through the outbound policy and resolves its relative server', async () => {
    const url = `https://api.example.com:${docs.port}/api/v31/openapi.yaml`;
    const secrets = { api_key: { value: PLANTED_KEY } };
    const result = await importing({ url, operations: ['findPetsByStatus'], secrets }, 201);
    expect(result.format).toBe('openapi-3.1');
    expect(result.created[0].action.definition.url).toBe(
      `https://api.example.com:${docs.port}/api/v31/pet/findByStatus`,
    );
    expect(log.refused).toEqual([]);
  });

  it('lists the servers and builds the actions on a chosen base URL; refuses a non-https one at /baseUrl', async () => {
    const listed = await importing({ document: petstore2, dryRun: true }, 200);
    expect(
      listed.servers.map((server: { url: string; usable: boolean }) => [server.url, server.usable]),
    ).toEqual([
      ['https://petstore.swagger.io/v2', true],
      ['http://petstore.swagger.io/v2', false],
    ]);
    const baseUrl = `https://api.example.com:${docs.port}/v2`;
    const chosen = await importing({ document: petstore2, dryRun: true, baseUrl }, 200);
    expect(chosen.baseUrl).toBe(baseUrl);
    const getPet = chosen.operations.find(
      (operation: { name: string }) => operation.name === 'get_pet_by_id',
    );
    expect(getPet.action.url).toBe(`${baseUrl}/pet/{pet_id}`);
    const refused = await importing(
      { document: petstore2, dryRun: true, baseUrl: 'http://api.example.com' },
      422,
    );
    expect(refused.error.details[0].path).toBe('/baseUrl');
    expect(refused.error.message).toMatch(/not https/);
  });

  it('refuses a document URL whose name resolves to a private address, without connecting', async () => {
    const dialled = log.dialled.length;
    const result = await importing({ url: 'https://private.example.com/openapi.json', dryRun: true }, 422);
    expect(result.error.details[0].path).toBe('/url');
    expect(result.error.message).toMatch(/10\.20\.30\.40|private/);
    expect(log.dialled.length).toBe(dialled);
  });

  it("stops at the tenant's action limit, keeping what was created and naming what was not", async () => {
    const limit = await t.call('PATCH', '/api/v1/tenant', {
      key: t.tenantB.adminKey,
      body: { maxActions: 1 },
    });
    expect(limit.status).toBe(200);
    const response = await t.call('POST', ROUTE, {
      key: t.tenantB.adminKey,
      body: { document: petstore2, operations: ['getUserByName', 'deleteUser', 'logoutUser'] },
    });
    const result = await json(response);
    expect(response.status).toBe(201);
    expect(
      result.created.map(
        (entry: { action: { definition: { name: string } } }) => entry.action.definition.name,
      ),
    ).toEqual(['get_user_by_name']);
    expect(result.skipped.map((entry: { name: string }) => entry.name)).toEqual([
      'delete_user',
      'logout_user',
    ]);
    expect(result.skipped[0].reason).toMatch(/^not created: this tenant may have at most 1 action/);
  });

  it('needs exactly one of document and url, and the webhooks:manage scope', async () => {
    expect((await importing({ dryRun: true }, 400)).error.code).toBe('bad_request');
    const { value } = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'reader', scopes: ['webhooks:read'] },
      'test',
    );
    const readOnly = await t.call('POST', ROUTE, { key: value, body: { document: petstore2 } });
    expect(readOnly.status).toBe(403);
  });
});
