import { readFile } from 'node:fs/promises';
import { diffImport, importOpenApi } from '@toolgate/core/openapi';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { toImportReport } from './import-report';

const PETSTORE = new URL('../../../core/src/openapi/fixtures/petstore-swagger-2.0.json', import.meta.url);

describe('toImportReport', () => {
  it("reads the importer's own answer: operations, auth, servers, diff", async () => {
    const report = await importOpenApi(await readFile(PETSTORE, 'utf8'));
    const answer = JSON.parse(
      JSON.stringify({ ...report, diff: diffImport(report.operations, []), created: [], skipped: [] }),
    );
    const read = toImportReport(answer);
    expect(read.format).toBe('swagger-2.0');
    expect(read.operations).toHaveLength(20);
    expect(read.servers[0]).toEqual({ url: 'https://petstore.swagger.io/v2', usable: true });
    expect(read.operations.find((operation) => operation.name === 'get_pet_by_id')).toEqual({
      method: 'GET',
      path: '/pet/{petId}',
      operationId: 'getPetById',
      name: 'get_pet_by_id',
      convertible: true,
      reasons: [],
      warnings: [],
      url: 'https://petstore.swagger.io/v2/pet/{pet_id}',
      auth: { scheme: 'api_key', type: 'api_key', in: 'header', name: 'api_key' },
    });
    const addPet = read.operations.find((operation) => operation.name === 'add_pet');
    expect(addPet?.convertible).toBe(false);
    expect(addPet?.reasons.join(' ')).toMatch(/oauth2/);
    expect(read.diff.added).toHaveLength(11);
  });

  it('reads what was created and skipped, and refuses an answer that is not an import', () => {
    const read = toImportReport({
      format: 'openapi-3.0',
      operations: [],
      created: [
        { action: { id: 'act_1', definition: { name: 'get_pet' } }, signingSecret: 'whsec_1' },
        { action: {}, signingSecret: 'whsec_2' },
      ],
      skipped: [{ name: 'place_order', reason: 'an action with this name exists (see the diff)' }],
    });
    expect(read.created).toEqual([{ id: 'act_1', name: 'get_pet', signingSecret: 'whsec_1' }]);
    expect(read.skipped).toEqual([
      { name: 'place_order', reason: 'an action with this name exists (see the diff)' },
    ]);
    expect(read.diff).toEqual({ added: [], changed: [], unchanged: [], removed: [] });
    expect(() => toImportReport({ operations: 'x' })).toThrow(ApiError);
  });
});
