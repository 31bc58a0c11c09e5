import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { API_ROUTES } from './create-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document with every route, served without credentials', async () => {
    const response = await t.app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document) as never);
    for (const route of API_ROUTES) {
      expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('documents request bodies with the schemas that validate them', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the document is walked loosely.
    const document = (await (await t.app.request('/api/v1/openapi.json')).json()) as any;
    const create = document.paths['/actions'].post.requestBody.content['application/json'].schema;
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toEqual(expect.arrayContaining(['name', 'description', 'url']));
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(['headers', 'auth', 'parameters', 'timeoutMs']),
    );
    expect(document.paths['/actions/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Action',
    });
    expect(
      document.paths['/calls'].get.parameters.map((parameter: { name: string }) => parameter.name),
    ).toEqual(expect.arrayContaining(['action', 'outcome', 'conversation', 'from', 'to', 'cursor', 'limit']));
  });
});
