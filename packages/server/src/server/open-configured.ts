import type { ServerConfig } from '../config/parse-config.js';
import { type OpenDatabase, openDatabase } from '../storage/open-database.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { loadOrCreateSecretKeys } from './secret-key-file.js';

/**
 * Embedded mode: takes the data folder's lock for `command` (see data-dir-lock.ts), so no two
 * processes open one embedded database. PostgreSQL (`DATABASE_URL`) needs none: undefined.
 */
export function lockDataFolder(
  config: ServerConfig,
  command: string,
  warn?: (message: string) => void,
): Promise<DataDirLock | undefined> {
  if (config.databaseUrl !== undefined) return Promise.resolve(undefined);
  return acquireDataDirLock(config.dataDir, { command, ...(warn ? { warn } : {}) });
}

/** The configured database: PostgreSQL with `DATABASE_URL`, otherwise the embedded one in the data folder. */
export function openConfiguredDatabase(config: ServerConfig): Promise<OpenDatabase> {
  return config.databaseUrl !== undefined
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir });
}

/**
 * The keys that open stored secrets, current first: `TOOLGATE_SECRET_KEY` when set, otherwise the
 * data folder's key file (created on first use), then `TOOLGATE_PREVIOUS_SECRET_KEYS`.
 */
export async function secretKeysFor(
  config: ServerConfig,
): Promise<{ keys: Buffer[]; created: boolean; warnings: string[] }> {
  if (config.secretKey)
    return { keys: [config.secretKey, ...config.previousSecretKeys], created: false, warnings: [] };
  if (config.databaseUrl !== undefined) throw new Error('TOOLGATE_SECRET_KEY is required with DATABASE_URL');
  const loaded = await loadOrCreateSecretKeys(config.dataDir);
  return { ...loaded, keys: [...loaded.keys, ...config.previousSecretKeys] };
}
