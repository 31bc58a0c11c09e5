import type { ServerConfig } from '../config/parse-config.js';
import { lockDataFolder, openConfiguredDatabase } from '../server/open-configured.js';
import type { OpenDatabase } from '../storage/open-database.js';
import type { CliIo } from './cli-io.js';
import { type DatabaseCommand, explainLockedFolder } from './locked-folder-hint.js';

/**
 * Runs `use` on the configured database, holding the data folder's lock (embedded mode) for the
 * whole command, key files included; refused, with what to do instead, while a server runs on it.
 *
 * @example
 * await withDatabase(config, 'toolgate tenants create', io, async (database) => { ... });
 */
export function withDatabase<T>(
  config: ServerConfig,
  command: DatabaseCommand,
  io: CliIo,
  use: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  return explainLockedFolder(command, async () => {
    const lock = await lockDataFolder(config, command, (message) =>
      io.stderr(`toolgate: warning: ${message}\n`),
    );
    try {
      const database = await openConfiguredDatabase(config);
      try {
        return await use(database);
      } finally {
        await database.close();
      }
    } finally {
      lock?.release();
    }
  });
}
