import { generatePassword } from '../auth/password.js';
import type { ConfigFlags } from '../config/parse-config.js';
import { createServices } from '../server/create-services.js';
import { secretKeysFor } from '../server/open-configured.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { DEFAULT_TENANT_ID } from '../stores/tenant-store.js';
import { type CliIo, EXIT } from './cli-io.js';
import { readConfig } from './server-commands.js';
import { withDatabase } from './with-database.js';

/** Who the audit log says made the change. */
const CLI_ACTOR = 'system:cli';

type TenantFlag = { tenant?: string };

async function servicesFor(config: ReturnType<typeof readConfig>, database: OpenDatabase) {
  const { keys } = await secretKeysFor(config);
  return createServices({ db: database.db, secretKeys: keys });
}

/**
 * `toolgate operators reset-password <email> [--tenant ID]`: a new random password for an
 * operator, printed once; their sessions end. For an owner locked out of the admin app, with the
 * server stopped (the command takes the data folder's lock like every other).
 */
export async function runResetPassword(
  email: string,
  flags: ConfigFlags & TenantFlag,
  io: CliIo,
): Promise<number> {
  const config = readConfig(flags);
  const tenantId = flags.tenant ?? DEFAULT_TENANT_ID;
  return withDatabase(config, 'toolgate operators reset-password', io, async (database) => {
    const services = await servicesFor(config, database);
    try {
      const password = generatePassword();
      const operator = await services.operators.resetPassword(tenantId, email, password, CLI_ACTOR);
      if (!operator) {
        const known = (await services.operators.list(tenantId))
          .filter((candidate) => candidate.disabledAt === null)
          .map((candidate) => candidate.email);
        io.stderr(
          `toolgate: tenant ${tenantId} has no active operator ${email.trim().toLowerCase()}` +
            (known.length > 0 ? ` (its operators: ${known.join(', ')})` : ' (it has no active operators)') +
            '\n',
        );
        return EXIT.failed;
      }
      io.stdout(
        `new password for ${operator.email} in tenant ${tenantId} (shown once; their sessions ended): ${password}\n`,
      );
      return EXIT.ok;
    } finally {
      await services.executor.close();
    }
  });
}

/**
 * `toolgate keys create-admin [--tenant ID] [--name NAME]`: a new all-scopes API key, printed
 * once, for an owner who lost the first one. Server stopped, like `reset-password`.
 */
export async function runCreateAdminKey(
  flags: ConfigFlags & TenantFlag & { name?: string },
  io: CliIo,
): Promise<number> {
  const config = readConfig(flags);
  const tenantId = flags.tenant ?? DEFAULT_TENANT_ID;
  return withDatabase(config, 'toolgate keys create-admin', io, async (database) => {
    const services = await servicesFor(config, database);
    try {
      if (!(await services.tenants.find(tenantId))) {
        io.stderr(`toolgate: there is no tenant ${tenantId} in this database\n`);
        return EXIT.failed;
      }
      const { value } = await services.apiKeys.create(
        tenantId,
        { name: flags.name ?? 'admin key (toolgate keys create-admin)', scopes: ['admin'] },
        CLI_ACTOR,
      );
      io.stdout(`admin API key for tenant ${tenantId} (shown once): ${value}\n`);
      return EXIT.ok;
    } finally {
      await services.executor.close();
    }
  });
}
