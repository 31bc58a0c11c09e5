import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateActionDefinition } from '../actions/validate-action-definition.js';
import { applySecrets } from './apply-secrets.js';
import { importOpenApi } from './import-openapi.js';
import type { ImportedOperation, OpenApiImport } from './import-types.js';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function byName(report: OpenApiImport, name: string): ImportedOperation {
  const found = report.operations.find((operation) => operation.name === name);
  if (!found) throw new Error(`no operation named ${name}`);
  return found;
}

function convertibleNames(report: OpenApiImport): string[] {
  return report.operations.filter((operation) => operation.convertible).map((operation) => operation.name);
}

const SECRETS = {
  api_key: { value: 'key-123456' },
  bearerAuth: { token: 're_test_123456' },
  accountSid_authToken: { username: 'AC123', password: 'auth-token-123' },
};

/** Every convertible operation validates as it is and with credentials; none carries a secret. */
function expectEveryActionValid(report: OpenApiImport): void {
  for (const operation of report.operations) {
    expect(operation.convertible).toBe(operation.reasons.length === 0);
    if (!operation.convertible) {
      expect(operation.action).toBeUndefined();
      continue;
    }
    const action = operation.action;
    expect(action, operation.name).toBeDefined();
    expect(() => validateActionDefinition(action)).not.toThrow();
    expect(action?.auth).toBeUndefined();
    expect(() => applySecrets(operation, SECRETS)).not.toThrow();
  }
}

describe('importOpenApi on real public documents', () => {
  it('Swagger Petstore 2.0 (petstore.swagger.io/v2): oauth2-only, arrays, forms and uploads are refused', async () => {
    const report = await importOpenApi(JSON.parse(await fixture('petstore-swagger-2.0.json')));
    expect(report.format).toBe('swagger-2.0');
    expect(report.operations).toHaveLength(20);
    expect(convertibleNames(report)).toHaveLength(11);
    expectEveryActionValid(report);

    const getPet = byName(report, 'get_pet_by_id');
    expect(getPet.action).toMatchObject({
      url: 'https://petstore.swagger.io/v2/pet/{pet_id}',
      method: 'GET',
      parameters: { properties: { pet_id: { type: 'integer' } }, required: ['pet_id'] },
    });
    expect(getPet.auth).toEqual({ scheme: 'api_key', type: 'api_key', in: 'header', name: 'api_key' });

    expect(byName(report, 'upload_file').reasons.join(' ')).toMatch(/multipart\/form-data/);
    expect(byName(report, 'update_pet_with_form').reasons.join(' ')).toMatch(/form-encoded/);
    expect(byName(report, 'add_pet').reasons).toEqual(
      expect.arrayContaining([
        'security scheme "petstore_auth" is oauth2, which imported actions do not support yet',
        expect.stringContaining('body field "photoUrls" is an array'),
      ]),
    );
    expect(byName(report, 'create_users_with_array_input').reasons).toEqual([
      'the request body is an array (arrays are not supported)',
    ]);
    expect(byName(report, 'find_pets_by_tags').warnings).toContain('the operation is deprecated');

    const order = byName(report, 'place_order').action;
    expect(order?.bodyTemplate).toEqual({
      id: '{{parameters.id}}',
      petId: '{{parameters.pet_id}}',
      quantity: '{{parameters.quantity}}',
      shipDate: '{{parameters.ship_date}}',
      status: '{{parameters.status}}',
      complete: '{{parameters.complete}}',
    });
    expect(order?.parameters?.properties.ship_date).toEqual({ type: 'string', format: 'date-time' });
    expect(order?.parameters?.properties.status?.enum).toEqual(['placed', 'approved', 'delivered']);
    const range = byName(report, 'get_order_by_id').action?.parameters?.properties.order_id;
    expect(range).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });
  });

  it('XKCD (Swagger 2.0, APIs.guru): no operationId and an http-only server', async () => {
    const report = await importOpenApi(await fixture('xkcd-swagger-2.0.yaml'));
    expect(report.operations.map((operation) => operation.name)).toEqual([
      'get_info_0_json',
      'get_by_comic_id_info_0_json',
    ]);
    for (const operation of report.operations) {
      expect(operation.convertible).toBe(false);
      expect(operation.reasons).toEqual([
        'the server URL http://xkcd.com/ is not https (actions call https endpoints only)',
      ]);
      expect(operation.warnings[0]).toMatch(/no operationId/);
    }
  });

  it('Swagger Petstore 3.0: request bodies by media type, optional arrays left out with a warning', async () => {
    const report = await importOpenApi(await fixture('petstore-openapi-3.0.yaml'));
    expect(report.format).toBe('openapi-3.0');
    expect(report.operations).toHaveLength(19);
    expect(convertibleNames(report)).toHaveLength(11);
    expectEveryActionValid(report);
    expect(byName(report, 'upload_file').reasons.join(' ')).toMatch(
      /binary upload \(application\/octet-stream\)/,
    );
    expect(byName(report, 'find_pets_by_tags').warnings).toContain(
      'optional query parameter "tags" left out: is an array (arrays cannot be asked for one question at a time)',
    );
    const createUser = byName(report, 'create_user').action;
    expect(createUser?.url).toBe('https://petstore3.swagger.io/api/v3/user');
    expect(createUser?.parameters?.properties.email?.examples).toEqual(['john@email.com']);
    const login = byName(report, 'login_user').action;
    expect(Object.keys(login?.parameters?.properties ?? {})).toEqual(['username', 'password']);
  });

  it('Swagger Petstore 3.1: a relative server is resolved against the document URL, $id does not break refs', async () => {
    const text = await fixture('petstore-openapi-3.1.yaml');
    const alone = await importOpenApi(text);
    expect(alone.format).toBe('openapi-3.1');
    expect(alone.operations).toHaveLength(6);
    expect(convertibleNames(alone)).toEqual([]);
    expect(byName(alone, 'get_pet_by_id').reasons).toContain(
      'the server URL "/api/v31" is relative and the document was not loaded from a URL',
    );

    const fetched = await importOpenApi(text, {
      documentUrl: 'https://petstore31.swagger.io/api/v31/openapi.json',
    });
    expect(convertibleNames(fetched)).toEqual(['find_pets_by_status', 'get_pet_by_id']);
    expectEveryActionValid(fetched);
    expect(byName(fetched, 'get_pet_by_id').action?.url).toBe(
      'https://petstore31.swagger.io/api/v31/pet/{pet_id}',
    );
  });

  it('Twilio Lookups v1 (OpenAPI 3.0): basic auth, PascalCase names, a description too thin', async () => {
    const report = await importOpenApi(await fixture('twilio-lookups-v1.json'));
    const [lookup] = report.operations;
    expect(report.operations).toHaveLength(1);
    expect(lookup?.convertible).toBe(true);
    expect(lookup?.auth).toEqual({ scheme: 'accountSid_authToken', type: 'basic' });
    expect(lookup?.action?.url).toBe('https://lookups.twilio.com/v1/PhoneNumbers/{phone_number}');
    expect(lookup?.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('optional query parameter "CountryCode" left out: cannot keep its name'),
        'the operation has no summary or description; the model only sees its method and path',
      ]),
    );
    expectEveryActionValid(report);
  });

  it('Resend (OpenAPI 3.1, 104 operations): bearer auth, flat bodies, "one or a list" fields as one value', async () => {
    const report = await importOpenApi(await fixture('resend.yaml'));
    expect(report.format).toBe('openapi-3.1');
    expect(report.operations).toHaveLength(104);
    expect(convertibleNames(report)).toHaveLength(97);
    expectEveryActionValid(report);
    expect(new Set(report.operations.map((operation) => operation.name)).size).toBe(104);

    const send = byName(report, 'emails_send');
    expect(send.auth).toEqual({ scheme: 'bearerAuth', type: 'bearer' });
    expect(send.action?.parameters?.required).toEqual(['from', 'to', 'subject']);
    expect(send.action?.parameters?.properties.to?.type).toBe('string');
    expect(send.warnings).toContain(
      'the description "Send an email." is too thin for a model to know when to call it; write a better one',
    );
    expect(byName(report, 'contacts_create_import').reasons.join(' ')).toMatch(/multipart\/form-data/);
    expect(byName(report, 'suppressions_batch_add').reasons.join(' ')).toMatch(
      /body field "emails" is an array/,
    );
    expect(byName(report, 'emails_send_batch').reasons).toEqual([
      'the request body is an array (arrays are not supported)',
    ]);
  });
});
