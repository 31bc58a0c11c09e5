import { pointer, type ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';
import { type CodeLimits, MAX_CODE_LIMITS, MAX_CODE_SOURCE_CHARS } from './code-limits.js';

/** A credential's name, as the code writes it in `secret(name)`. */
export const CREDENTIAL_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_CREDENTIALS = 20;
const MIN_LIMITS: CodeLimits = { memoryBytes: 1024 * 1024, cpuMs: 10, maxRequests: 0 };

/**
 * The shape of an action's `code`: a source of at most {@link MAX_CODE_SOURCE_CHARS} characters,
 * credentials by name (strings, write-only), limits within {@link MAX_CODE_LIMITS}. Whether the
 * source compiles is checked by `checkCodeSource`, which needs the engine.
 */
export function collectCodeIssues(code: unknown): ValidationIssue[] {
  if (code === undefined) return [];
  if (!isRecord(code))
    return [
      { path: '/code', message: 'must be an object: {"source": "async function handler(input) {...}"}' },
    ];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(code)) {
    if (!['source', 'credentials', 'limits'].includes(key))
      issues.push({
        path: pointer('code', key),
        message: 'unknown field (code takes source, credentials, limits)',
      });
  }
  if (typeof code.source !== 'string' || code.source.trim() === '')
    issues.push({
      path: '/code/source',
      message: 'is required: JavaScript that defines async function handler({ parameters, context })',
    });
  else if (code.source.length > MAX_CODE_SOURCE_CHARS)
    issues.push({ path: '/code/source', message: `must be at most ${MAX_CODE_SOURCE_CHARS} characters` });
  if (code.credentials !== undefined) {
    if (!isRecord(code.credentials))
      issues.push({ path: '/code/credentials', message: 'must be an object of names to secret values' });
    else {
      const names = Object.keys(code.credentials);
      if (names.length > MAX_CREDENTIALS)
        issues.push({
          path: '/code/credentials',
          message: `may hold at most ${MAX_CREDENTIALS} credentials`,
        });
      for (const name of names) {
        const path = pointer('code', 'credentials', name);
        if (!CREDENTIAL_NAME.test(name))
          issues.push({
            path,
            message: 'must be named with lower-case letters, digits and underscores, e.g. api_token',
          });
        else if (typeof code.credentials[name] !== 'string' || code.credentials[name] === '')
          issues.push({ path, message: 'must be a non-empty string (the secret value)' });
      }
    }
  }
  if (code.limits !== undefined) {
    if (!isRecord(code.limits))
      issues.push({ path: '/code/limits', message: 'must be an object: memoryBytes, cpuMs, maxRequests' });
    else
      for (const [key, value] of Object.entries(code.limits)) {
        const path = pointer('code', 'limits', key);
        if (!(key in MAX_CODE_LIMITS)) {
          issues.push({ path, message: 'unknown field (limits take memoryBytes, cpuMs, maxRequests)' });
          continue;
        }
        const [min, max] = [MIN_LIMITS[key as keyof CodeLimits], MAX_CODE_LIMITS[key as keyof CodeLimits]];
        if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
          issues.push({ path, message: `must be a whole number from ${min} to ${max}` });
      }
  }
  return issues;
}
