import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  startLoopbackHttpsServer,
  testCertificate,
} from '../../test/index.js';
import { DocumentFetchError, fetchDocument } from './fetch-document.js';

let server: LoopbackHttpsServer;
let cert: string;

beforeAll(async () => {
  ({ cert } = await testCertificate());
  server = await startLoopbackHttpsServer((request, response) => {
    if (request.url === '/big') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"pad":"${'x'.repeat(4096)}"}`);
    } else if (request.url === '/moved') {
      response.writeHead(302, { location: 'https://elsewhere.example.com/spec.json' });
      response.end();
    } else if (request.url === '/slow') {
      setTimeout(() => response.end('{}'), 1500);
    } else {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.end('openapi: 3.0.3\n');
    }
  });
});
afterAll(() => server.close());

function options() {
  const { dial, log } = createLoopbackOnlyDial(cert);
  return {
    log,
    options: { allow: { networks: ['127.0.0.0/8'] }, resolve: async () => ['127.0.0.1'], ca: cert, dial },
  };
}

async function failure(promise: Promise<unknown>): Promise<DocumentFetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocumentFetchError);
  return error as DocumentFetchError;
}

describe('fetchDocument', () => {
  it('GETs a document from an allowlisted loopback HTTPS server', async () => {
    const { options: fetchOptions } = options();
    const fetched = await fetchDocument(`https://api.example.com:${server.port}/openapi.yaml`, fetchOptions);
    expect(fetched.text).toBe('openapi: 3.0.3\n');
    expect(fetched.contentType).toBe('application/yaml');
  });

  it('refuses a name that resolves to a private address, without dialling it', async () => {
    const { dial, log } = createLoopbackOnlyDial(cert);
    const before = server.connections;
    const error = await failure(
      fetchDocument('https://docs.example.com/openapi.json', { resolve: async () => ['10.1.2.3'], dial }),
    );
    expect(error.kind).toBe('target_blocked');
    expect(error.message).toMatch(/10\.1\.2\.3|private/);
    expect(log.dialled).toEqual([]);
    expect(server.connections).toBe(before);
  });

  it('refuses loopback without the allowlist, http, credentials and local names before any DNS', async () => {
    const { dial, log } = createLoopbackOnlyDial(cert);
    const resolve = async () => {
      throw new Error('must not resolve');
    };
    expect((await failure(fetchDocument(`https://127.0.0.1:${server.port}/`, { dial }))).kind).toBe(
      'target_blocked',
    );
    expect((await failure(fetchDocument('http://docs.example.com/', { resolve, dial }))).message).toMatch(
      /https/,
    );
    expect(
      (await failure(fetchDocument('https://u:p@docs.example.com/', { resolve, dial }))).message,
    ).toMatch(/credentials/);
    expect((await failure(fetchDocument('https://metadata.google.internal/', { resolve, dial }))).kind).toBe(
      'target_blocked',
    );
    expect(log.dialled).toEqual([]);
  });

  it('caps the body, does not follow redirects and times out', async () => {
    const { options: fetchOptions } = options();
    const base = `https://api.example.com:${server.port}`;
    expect((await failure(fetchDocument(`${base}/big`, { ...fetchOptions, maxBytes: 1024 }))).message).toBe(
      'the document is larger than 1024 bytes',
    );
    expect((await failure(fetchDocument(`${base}/moved`, fetchOptions))).message).toBe(
      'the document URL answered 302 (redirect to https://elsewhere.example.com/spec.json, not followed)',
    );
    expect((await failure(fetchDocument(`${base}/slow`, { ...fetchOptions, timeoutMs: 300 }))).message).toBe(
      'the document URL did not answer within 300 ms',
    );
  });
});
