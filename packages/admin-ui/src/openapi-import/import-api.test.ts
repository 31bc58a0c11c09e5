import { describe, expect, it } from 'vitest';
import { fakeClient } from '../api/testing/fake-client';
import { createFromImport, IMPORT_PATH, listStoredActions, previewImport } from './import-api';

const answer = { format: 'openapi-3.0', title: 'T', version: '1', operations: [], servers: [] };

describe('the import API', () => {
  it('previews as a dry run, with the chosen base URL when there is one', async () => {
    const { client, sent } = fakeClient(answer);
    await previewImport(client, { document: 'openapi: 3.0.3' });
    await previewImport(client, { url: 'https://api.example.com/o.json' }, 'https://eu.example.com');
    expect(sent.map((request) => [request.method, request.path, request.options?.body])).toEqual([
      ['POST', IMPORT_PATH, { document: 'openapi: 3.0.3', dryRun: true }],
      [
        'POST',
        IMPORT_PATH,
        { url: 'https://api.example.com/o.json', baseUrl: 'https://eu.example.com', dryRun: true },
      ],
    ]);
  });

  it('creates the chosen operations by name with the secrets, never as a dry run', async () => {
    const { client, sent } = fakeClient(answer);
    await createFromImport(
      client,
      { document: '{}' },
      { operations: ['get_pet'], secrets: { api_key: { value: 'k' } } },
    );
    expect(sent[0]?.options?.body).toEqual({
      document: '{}',
      operations: ['get_pet'],
      secrets: { api_key: { value: 'k' } },
    });
  });

  it('lists the stored actions by id and name', async () => {
    const { client, sent } = fakeClient({
      actions: [
        { id: 'act_1', enabled: true, definition: { name: 'get_pet', url: 'https://a/p', method: 'GET' } },
      ],
    });
    expect(await listStoredActions(client)).toEqual([{ id: 'act_1', name: 'get_pet' }]);
    expect(sent[0]?.path).toBe('/actions');
  });
});
