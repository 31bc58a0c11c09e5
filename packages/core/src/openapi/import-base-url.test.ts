import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { importOpenApi } from './import-openapi.js';

const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('the servers of a document and a chosen base URL', () => {
  it('lists every distinct server, resolved, with why one cannot be used', async () => {
    const petstore2 = await importOpenApi(await fixture('petstore-swagger-2.0.json'));
    expect(petstore2.servers).toEqual([
      { url: 'https://petstore.swagger.io/v2', usable: true },
      {
        url: 'http://petstore.swagger.io/v2',
        usable: false,
        reason:
          'the server URL http://petstore.swagger.io/v2 is not https (actions call https endpoints only)',
      },
    ]);
    expect(petstore2.baseUrl).toBeUndefined();

    const relative = await importOpenApi(await fixture('petstore-openapi-3.1.yaml'));
    expect(relative.servers).toEqual([
      {
        url: '/api/v31',
        usable: false,
        reason: 'the server URL "/api/v31" is relative and the document was not loaded from a URL',
      },
    ]);
    const fetched = await importOpenApi(await fixture('petstore-openapi-3.1.yaml'), {
      documentUrl: 'https://petstore31.example.com/api/v31/openapi.yaml',
    });
    expect(fetched.servers).toEqual([{ url: 'https://petstore31.example.com/api/v31', usable: true }]);
  });

  it('builds every action on the chosen base URL, which makes an http-only document importable', async () => {
    const plain = await importOpenApi(await fixture('xkcd-swagger-2.0.yaml'));
    expect(plain.operations.every((operation) => !operation.convertible)).toBe(true);
    const chosen = await importOpenApi(await fixture('xkcd-swagger-2.0.yaml'), {
      baseUrl: 'https://xkcd.com/',
    });
    expect(chosen.baseUrl).toBe('https://xkcd.com');
    expect(chosen.servers).toEqual(plain.servers);
    expect(chosen.operations.map((operation) => [operation.convertible, operation.action?.url])).toEqual([
      [true, 'https://xkcd.com/info.0.json'],
      [true, 'https://xkcd.com/{comic_id}/info.0.json'],
    ]);

    const staging = await importOpenApi(await fixture('petstore-openapi-3.0.yaml'), {
      baseUrl: 'https://staging.example.com/v3',
    });
    const getPet = staging.operations.find((operation) => operation.name === 'get_pet_by_id');
    expect(getPet?.action?.url).toBe('https://staging.example.com/v3/pet/{pet_id}');
  });

  it('refuses a base URL that is not absolute https, at /baseUrl', async () => {
    for (const [baseUrl, reason] of [
      ['http://xkcd.com', /not https/],
      ['/api/v3', /relative/],
      ['https://api.example.com/{version}', /variable/],
    ] as const) {
      const failure = await importOpenApi(await fixture('xkcd-swagger-2.0.yaml'), { baseUrl }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ValidationError);
      expect((failure as ValidationError).details?.[0]?.path).toBe('/baseUrl');
      expect((failure as ValidationError).message).toMatch(reason);
    }
  });
});
