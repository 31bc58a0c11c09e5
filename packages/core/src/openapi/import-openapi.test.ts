import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actions/action-definition.js';
import { ValidationError } from '../errors.js';
import { applySecrets } from './apply-secrets.js';
import { diffImport } from './diff-import.js';
import { importOpenApi } from './import-openapi.js';
import { toSnakeName } from './snake-name.js';

const base = {
  openapi: '3.0.3',
  info: { title: 'Shop', version: '1' },
  servers: [{ url: 'https://api.shop.example.com/v1' }],
};

function doc(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { ...base, ...extra, paths };
}

async function only(document: Record<string, unknown>) {
  const report = await importOpenApi(document);
  expect(report.operations).toHaveLength(1);
  return report.operations[0] as NonNullable<(typeof report.operations)[0]>;
}

describe('toSnakeName', () => {
  it('turns operationIds and parameter names into valid names', () => {
    expect(toSnakeName('getPetById')).toBe('get_pet_by_id');
    expect(toSnakeName('HTTPStatusCode')).toBe('http_status_code');
    expect(toSnakeName('emails/send')).toBe('emails_send');
    expect(toSnakeName('2fa-code')).toBe('n_2fa_code');
    expect(toSnakeName('x'.repeat(80))).toHaveLength(64);
    expect(toSnakeName('!!!', 'fallback')).toBe('fallback');
  });
});

describe('importOpenApi', () => {
  it('refuses documents it cannot read, naming what it found', async () => {
    await expect(importOpenApi({ swagger: '1.2' })).rejects.toThrow('found swagger: "1.2"');
    await expect(importOpenApi('not: [valid')).rejects.toBeInstanceOf(ValidationError);
    await expect(importOpenApi('[1, 2]')).rejects.toThrow('must be a JSON or YAML object');
  });

  it('never fetches an external reference', async () => {
    const document = doc({
      '/orders': {
        post: { operationId: 'createOrder', requestBody: { $ref: 'https://evil.example.com/body.json' } },
      },
    });
    await expect(importOpenApi(document)).resolves.toBeDefined();
    const file = doc({ '/x': { get: { operationId: 'x', parameters: [{ $ref: './secrets.yaml#/p' }] } } });
    const report = await importOpenApi(file);
    expect(report.operations[0]?.convertible).toBe(true);
    expect(report.operations[0]?.action?.parameters?.properties).toEqual({});
  });

  it('refuses a YAML alias bomb instead of expanding it', async () => {
    const bomb = ['openapi: 3.0.3', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 12; level += 1) {
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    }
    await expect(importOpenApi(bomb.join('\n'))).rejects.toThrow(/neither valid JSON nor valid YAML/);
  });

  it('builds a GET with path and query parameters, formats, enums and examples', async () => {
    const entry = await only(
      doc({
        '/orders/{orderId}': {
          get: {
            operationId: 'getOrderStatus',
            summary: 'Look up the status of an order',
            parameters: [
              {
                name: 'orderId',
                in: 'path',
                required: true,
                schema: { type: 'string', pattern: '^ORD-\\d+$' },
                example: 'ORD-1',
              },
              { name: 'since', in: 'query', schema: { type: 'string', format: 'date' } },
              {
                name: 'channel',
                in: 'query',
                required: true,
                schema: { type: 'string', enum: ['web', 'shop'] },
              },
              { name: 'contact', in: 'query', schema: { type: ['string', 'null'], format: 'email' } },
            ],
          },
        },
      }),
    );
    expect(entry.action).toEqual({
      name: 'get_order_status',
      displayName: 'Look up the status of an order',
      description: 'Look up the status of an order.',
      url: 'https://api.shop.example.com/v1/orders/{order_id}',
      method: 'GET',
      parameters: {
        type: 'object',
        properties: {
          order_id: { type: 'string', pattern: '^ORD-\\d+$', examples: ['ORD-1'] },
          since: { type: 'string', format: 'date' },
          channel: { type: 'string', enum: ['web', 'shop'] },
          contact: { type: 'string', format: 'email' },
        },
        required: ['order_id', 'channel'],
      },
    });
  });

  it('drops a pattern RE2 cannot run, with a warning, and dedupes names', async () => {
    const report = await importOpenApi(
      doc({
        '/a': {
          get: {
            operationId: 'list',
            parameters: [{ name: 'code', in: 'query', schema: { type: 'string', pattern: '^(?=x).+$' } }],
          },
        },
        '/b': { get: { operationId: 'list' } },
      }),
    );
    expect(report.operations.map((operation) => operation.name)).toEqual(['list', 'list_2']);
    expect(report.operations[0]?.action?.parameters?.properties.code).toEqual({ type: 'string' });
    expect(report.operations[0]?.warnings.join(' ')).toMatch(
      /query parameter "code": its pattern was left out \(lookahead/,
    );
  });

  it('maps a flat JSON body into the template and refuses nested required fields', async () => {
    const body = (required: string[]) => ({
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required,
              properties: {
                orderId: { type: 'string' },
                address: { type: 'object', properties: { city: { type: 'string' } } },
                id: { type: 'integer', readOnly: true },
              },
            },
          },
        },
      },
    });
    const flat = await only(
      doc({
        '/cancel': {
          post: {
            operationId: 'cancelOrder',
            summary: 'Cancel an order not shipped yet',
            ...body(['orderId']),
          },
        },
      }),
    );
    expect(flat.action?.bodyTemplate).toEqual({ orderId: '{{parameters.order_id}}' });
    expect(flat.warnings).toContain(
      'optional body field "address" left out: is a nested object (bodies nested beyond one level are not supported)',
    );
    const nested = await only(
      doc({ '/cancel': { post: { operationId: 'cancelOrder', ...body(['address']) } } }),
    );
    expect(nested.convertible).toBe(false);
    expect(nested.reasons).toEqual([
      'body field "address" is a nested object (bodies nested beyond one level are not supported)',
    ]);
  });

  it('asks for credentials instead of reading them, and refuses schemes it cannot send', async () => {
    const secured = (scheme: Record<string, unknown>) =>
      doc(
        {
          '/me': { get: { operationId: 'me', summary: 'Read the signed-in account', security: [{ s: [] }] } },
        },
        { components: { securitySchemes: { s: scheme } } },
      );
    const key = await only(secured({ type: 'apiKey', in: 'query', name: 'api_key', 'x-default': 'leaked' }));
    expect(key.auth).toEqual({ scheme: 's', type: 'api_key', in: 'query', name: 'api_key' });
    expect(JSON.stringify(key.action)).not.toContain('leaked');
    expect(() => applySecrets(key, {})).toThrow('api_key scheme "s" needs {"value": "..."}');
    expect(applySecrets(key, { s: { value: 'k-123' } }).auth).toEqual({
      type: 'api_key',
      in: 'query',
      name: 'api_key',
      value: 'k-123',
    });
    expect((await only(secured({ type: 'apiKey', in: 'cookie', name: 'sid' }))).reasons[0]).toMatch(
      /in cookie/,
    );
    expect((await only(secured({ type: 'http', scheme: 'digest' }))).reasons[0]).toMatch(/HTTP digest/);
  });
});

describe('diffImport', () => {
  it('lists added, changed (by field), unchanged and removed actions', async () => {
    const report = await importOpenApi(
      doc({
        '/a': {
          get: {
            operationId: 'readA',
            summary: 'Read the A record of the shop',
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
          },
        },
        '/b': { get: { operationId: 'readB', summary: 'Read the B record of the shop' } },
        '/c': { get: { operationId: 'readC', summary: 'Read the C record of the shop' } },
      }),
    );
    const stored = report.operations.map(
      (operation) => structuredClone(operation.action) as ActionDefinition,
    );
    const [a, b] = stored as [ActionDefinition, ActionDefinition];
    a.url = 'https://api.shop.example.com/v0/a';
    a.parameters = { type: 'object', properties: { q: { type: 'integer' } }, required: ['q'] };
    const old: ActionDefinition = {
      name: 'read_d',
      description: 'Read D, gone',
      url: 'https://api.shop.example.com/v1/d',
    };
    const diff = diffImport(report.operations, [a, b, old]);
    expect(diff).toEqual({
      added: ['read_c'],
      changed: [
        {
          name: 'read_a',
          changes: [
            {
              path: '/url',
              before: 'https://api.shop.example.com/v0/a',
              after: 'https://api.shop.example.com/v1/a',
            },
            { path: '/parameters/properties/q', before: { type: 'integer' }, after: { type: 'string' } },
            { path: '/parameters/required', before: ['q'], after: [] },
          ],
        },
      ],
      unchanged: ['read_b'],
      removed: ['read_d'],
    });
  });
});
