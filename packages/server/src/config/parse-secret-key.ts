import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSecretKey } from '../secrets/secret-box.js';
import type { ConfigProblem } from './config-error.js';

const GENERATE_HINT = 'generate one with: openssl rand -base64 32';

/**
 * The secret key from `TOOLGATE_SECRET_KEY`, or from the file `TOOLGATE_SECRET_KEY_FILE` names
 * (a Docker or Kubernetes secret; relative to `cwd`; surrounding whitespace ignored). Setting
 * both is a problem, as is a missing key with `DATABASE_URL`: every instance must share one.
 */
export function parseConfiguredSecretKey(
  env: NodeJS.ProcessEnv,
  databaseUrl: string | undefined,
  cwd: string,
  problems: ConfigProblem[],
): Buffer | undefined {
  const inline = env.TOOLGATE_SECRET_KEY?.trim() || undefined;
  const file = env.TOOLGATE_SECRET_KEY_FILE?.trim() || undefined;
  if (inline !== undefined && file !== undefined) {
    problems.push({
      source: 'TOOLGATE_SECRET_KEY_FILE',
      message: 'set either TOOLGATE_SECRET_KEY or TOOLGATE_SECRET_KEY_FILE, not both',
    });
    return undefined;
  }
  if (file !== undefined) {
    const path = resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push({
        source: 'TOOLGATE_SECRET_KEY_FILE',
        message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      });
      return undefined;
    }
    try {
      return parseSecretKey(text.trim());
    } catch (error) {
      problems.push({
        source: 'TOOLGATE_SECRET_KEY_FILE',
        message: `${path}: ${(error as Error).message}; ${GENERATE_HINT}`,
      });
      return undefined;
    }
  }
  if (inline !== undefined) {
    try {
      return parseSecretKey(inline);
    } catch (error) {
      problems.push({
        source: 'TOOLGATE_SECRET_KEY',
        message: `${(error as Error).message}; ${GENERATE_HINT}`,
      });
      return undefined;
    }
  }
  if (databaseUrl !== undefined) {
    problems.push({
      source: 'TOOLGATE_SECRET_KEY',
      message:
        'is required with DATABASE_URL (32 bytes of base64, or TOOLGATE_SECRET_KEY_FILE naming a file holding it): every instance must share it',
    });
  }
  return undefined;
}
