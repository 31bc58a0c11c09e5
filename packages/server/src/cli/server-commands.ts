import { ConfigError } from '../config/config-error.js';
import { type ConfigFlags, parseConfig, type ServerConfig } from '../config/parse-config.js';
import { createSecretBox } from '../secrets/secret-box.js';
import { createServices } from '../server/create-services.js';
import { secretKeysFor } from '../server/open-configured.js';
import { promoteNextSecretKey, writeNextSecretKey } from '../server/secret-key-file.js';
import { startServer } from '../server/start-server.js';
import { resealSecrets } from '../stores/reseal-secrets.js';
import { type CliIo, EXIT, UsageError } from './cli-io.js';
import { explainLockedFolder } from './locked-folder-hint.js';
import { withDatabase } from './with-database.js';

export function readConfig(flags: ConfigFlags): ServerConfig {
  try {
    return parseConfig(process.env, flags);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `toolgate start`: serves until SIGTERM or SIGINT, then lets in-flight requests finish. A signal
 * during start-up stops the server as soon as it is up (so the data folder's lock is released); a
 * second one ends the process at once.
 */
export async function runStart(
  flags: ConfigFlags,
  io: CliIo,
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  const config = readConfig(flags);
  let starting = true;
  let received: (name: string) => void = () => {};
  const signal = new Promise<string>((resolve) => {
    received = resolve;
  });
  const exitNow = () => process.exit(EXIT.failed);
  const stop = (name: string) => {
    signals.removeListener('SIGTERM', onTerm);
    signals.removeListener('SIGINT', onInt);
    if (starting) {
      io.stderr(`${name} during start-up: stopping once started (again to exit now)\n`);
      signals.once('SIGTERM', exitNow);
      signals.once('SIGINT', exitNow);
    }
    received(name);
  };
  const onTerm = () => stop('SIGTERM');
  const onInt = () => stop('SIGINT');
  signals.once('SIGTERM', onTerm);
  signals.once('SIGINT', onInt);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await explainLockedFolder('toolgate start', () => startServer(config, io.stdout));
  } catch (error) {
    for (const listener of [onTerm, onInt, exitNow]) {
      signals.removeListener('SIGTERM', listener);
      signals.removeListener('SIGINT', listener);
    }
    throw error;
  }
  starting = false;
  const name = await signal;
  io.stderr(`${name}: finishing in-flight requests and closing the database\n`);
  await server.close();
  return EXIT.ok;
}

/**
 * `toolgate secrets rotate`: re-seals every stored secret under a new key. Embedded mode makes
 * the new key itself (written as secret.key.next first, promoted after the re-seal commits, so
 * a crash at any point leaves every value readable). With DATABASE_URL, set TOOLGATE_SECRET_KEY to
 * the new key and TOOLGATE_PREVIOUS_SECRET_KEYS to the old one(s) first.
 */
export async function runSecretsRotate(flags: ConfigFlags, io: CliIo): Promise<number> {
  const config = readConfig(flags);
  if (config.databaseUrl !== undefined && config.previousSecretKeys.length === 0) {
    throw new UsageError(
      'with DATABASE_URL, set TOOLGATE_SECRET_KEY to the new key and TOOLGATE_PREVIOUS_SECRET_KEYS to the old one, then run this',
    );
  }
  return withDatabase(config, 'toolgate secrets rotate', io, async (database) => {
    const current = await secretKeysFor(config);
    // Embedded mode without TOOLGATE_SECRET_KEY makes the new key itself.
    const promote = config.secretKey === undefined;
    const keys = promote ? [await writeNextSecretKey(config.dataDir), ...current.keys] : current.keys;
    const count = await resealSecrets(database.db, createSecretBox(keys));
    if (promote) await promoteNextSecretKey(config.dataDir);
    io.stdout(
      `re-sealed ${count} secret value${count === 1 ? '' : 's'} under key ${createSecretBox(keys).currentKeyId}\n`,
    );
    return EXIT.ok;
  });
}

/** `toolgate tenants create <name>`: a new tenant with its first admin API key, printed once. */
export async function runTenantCreate(
  name: string,
  flags: ConfigFlags & { maxActions?: string },
  io: CliIo,
): Promise<number> {
  const config = readConfig(flags);
  const maxActions = flags.maxActions === undefined ? undefined : Number(flags.maxActions);
  if (maxActions !== undefined && (!Number.isInteger(maxActions) || maxActions < 0)) {
    throw new UsageError('--max-actions must be a whole number');
  }
  return withDatabase(config, 'toolgate tenants create', io, async (database) => {
    const { keys } = await secretKeysFor(config);
    const services = createServices({ db: database.db, secretKeys: keys });
    const tenant = await services.tenants.create({
      name,
      ...(maxActions === undefined ? {} : { maxActions }),
    });
    const { value } = await services.apiKeys.create(
      tenant.id,
      { name: 'first admin key', scopes: ['admin'] },
      'system:cli',
    );
    await services.executor.close();
    io.stdout(
      `tenant ${tenant.id} (${tenant.name}), at most ${tenant.maxActions} actions\nadmin API key (shown once): ${value}\n`,
    );
    return EXIT.ok;
  });
}
