import type { Static, TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import type { ValidationIssue } from '@toolgate/core';
import { ApiError } from './api-error.js';
import './formats.js';
import { expandUnions, plainMessage } from './plain-issues.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerFor<T extends TSchema>(schema: T): TypeCheck<T> {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    compiled.set(schema, checker);
  }
  return checker as TypeCheck<T>;
}

/** How type problems are reported: at once (422), or left to a deeper validator that lists them all. */
export type TypeProblems = 'reject' | 'defer';

/**
 * Checks a parsed request body (or query) against the route's schema (the same schema the OpenAPI
 * document shows). The router calls it once per request for the route's declared `body` and
 * `query` (create-app.ts); handlers receive the checked values. Unknown fields are a 400 listing each one; other problems a 422 listing each one,
 * unless `typeProblems` is `defer`, for bodies a domain validator checks in full afterwards.
 *
 * @example
 * const body = checkBody(CreateApiKeyBody, await readJson(c)); // typed, or throws ApiError
 */
export function checkBody<T extends TSchema>(
  schema: T,
  value: unknown,
  typeProblems: TypeProblems = 'reject',
): Static<T> {
  const checker = checkerFor(schema);
  if (checker.Check(value)) return value as Static<T>;
  const unknown: ValidationIssue[] = [];
  const invalid: ValidationIssue[] = [];
  for (const error of [...checker.Errors(value)].flatMap(expandUnions)) {
    if (error.type === ValueErrorType.ObjectAdditionalProperties) {
      unknown.push({ path: error.path, message: 'is not a known field' });
    } else {
      invalid.push({ path: error.path, message: plainMessage(error) });
    }
  }
  if (unknown.length > 0) {
    throw new ApiError(
      'unknown_field',
      `unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.map((issue) => issue.path).join(', ')}`,
      unknown,
    );
  }
  // A domain validator reads fields: it is handed an object or nothing (a `null` body is a 422 here).
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (typeProblems === 'defer' && (isObject || schema.type !== 'object')) return value as Static<T>;
  throw new ApiError(
    'validation_failed',
    `the request has ${invalid.length} problem${invalid.length > 1 ? 's' : ''}`,
    dedupe(invalid),
  );
}

/**
 * TypeBox reports some problems several times (a missing property is also a wrong type; a list
 * item can fail several checks): keep the first, most direct message per path.
 */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.path)) return false;
    seen.add(issue.path);
    return true;
  });
}
