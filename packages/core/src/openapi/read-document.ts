import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '../errors.js';
import { isRecord } from '../is-record.js';
import type { OpenApiFormat } from './import-types.js';

/** Largest document text accepted (JSON or YAML): real public specs are well under this. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Dereferencing a hostile document must not run forever. */
const DEREFERENCE_TIMEOUT_MS = 10_000;

function refuse(message: string): never {
  throw new ValidationError(message, [{ path: '/document', message }]);
}

/**
 * Parses a document given as text: JSON when it starts with `{`, YAML otherwise. YAML aliases are
 * capped, so a "billion laughs" document fails instead of filling memory.
 *
 * @example
 * parseDocumentText('openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}');
 */
export function parseDocumentText(text: string): Record<string, unknown> {
  if (Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) {
    refuse(`the document is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  }
  let parsed: unknown;
  try {
    parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    refuse(`the document is neither valid JSON nor valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(parsed)) refuse('the document must be a JSON or YAML object');
  return parsed;
}

/** Which specification a parsed document follows, or a refusal naming what was found. */
export function detectFormat(document: Record<string, unknown>): OpenApiFormat {
  if (document.swagger === '2.0') return 'swagger-2.0';
  const openapi = typeof document.openapi === 'string' ? document.openapi : '';
  if (/^3\.0\.\d+$/.test(openapi)) return 'openapi-3.0';
  if (/^3\.1\.\d+$/.test(openapi)) return 'openapi-3.1';
  const found =
    document.swagger !== undefined
      ? `swagger: ${JSON.stringify(document.swagger)}`
      : document.openapi !== undefined
        ? `openapi: ${JSON.stringify(document.openapi)}`
        : 'neither "swagger" nor "openapi"';
  return refuse(`only Swagger 2.0 and OpenAPI 3.0 and 3.1 documents can be imported (found ${found})`);
}

/**
 * OpenAPI 3.1 schemas may carry a JSON Schema `$id`, which changes the base that `#/...`
 * references inside them are read against; documents write `#/components/schemas/Tag` meaning
 * their own root (the Swagger Petstore 3.1 does, and fails to dereference otherwise). The ids
 * are removed from the copy so every internal reference is read against the document.
 */
function dropSchemaIds(root: Record<string, unknown>): void {
  const pending: unknown[] = [root];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (!Array.isArray(value) && typeof (value as Record<string, unknown>).$id === 'string') {
      delete (value as Record<string, unknown>).$id;
    }
    pending.push(...Object.values(value));
  }
}

/**
 * Replaces every internal `$ref` with what it points to, using Swagger Parser on a copy of the
 * document (the caller's object is not changed). External references (other files, URLs) are
 * never fetched: the importer makes no request of its own outside the outbound policy, so a
 * document that needs them is refused. Circular references are left in place and read as
 * nested objects, which conversion refuses anyway.
 */
export async function dereferenceDocument(
  document: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  detectFormat(document);
  if (!isRecord(document.paths) && document.paths !== undefined) refuse('"paths" must be an object');
  try {
    const copy = structuredClone(document);
    if (detectFormat(copy) === 'openapi-3.1') dropSchemaIds(copy);
    const result = await SwaggerParser.dereference(copy as never, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: 'ignore' },
      timeoutMs: DEREFERENCE_TIMEOUT_MS,
    });
    return result as unknown as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unknown error';
    return refuse(`the document's references could not be resolved: ${message}`);
  }
}
