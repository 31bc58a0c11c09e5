import { generatePassword } from '../auth/password.js';
import type { AppServices } from '../http/app-env.js';
import { LOCKS, withAdvisoryLock } from '../shared/advisory-lock.js';
import { DEFAULT_TENANT_ID } from '../stores/tenant-store.js';

/** The first operator's sign-in name on a fresh installation. */
export const FIRST_OPERATOR_EMAIL = 'admin@localhost';

/** What a first start created; the secrets are printed once and never again. */
export interface BootstrapResult {
  createdTenant: boolean;
  adminKey?: string;
  operator?: { email: string; password: string };
}

/**
 * Prepares a database for use: the default tenant on first start and, unless `TOOLGATE_ADMIN_KEY`
 * is set, an admin API key and an admin operator whose secrets the caller prints once. With
 * `TOOLGATE_ADMIN_KEY`, makes sure a live all-scopes key of the default tenant has that value.
 * On PostgreSQL the whole of it runs under an advisory lock, so instances starting at once on an
 * empty database take turns: the first creates the tenant and the credentials, the others find them.
 */
export async function bootstrap(
  services: AppServices,
  options: { adminKey?: string | undefined; engine?: 'pglite' | 'postgres' },
): Promise<BootstrapResult> {
  const locked = await withAdvisoryLock(
    services.db,
    options.engine ?? 'pglite',
    LOCKS.bootstrap,
    { wait: true },
    () => bootstrapUnlocked(services, options),
  );
  return (locked as { value: BootstrapResult }).value;
}

async function bootstrapUnlocked(
  services: AppServices,
  options: { adminKey?: string | undefined },
): Promise<BootstrapResult> {
  const result: BootstrapResult = { createdTenant: false };
  const existing = await services.tenants.find(DEFAULT_TENANT_ID);
  if (!existing) {
    await services.tenants.create({ id: DEFAULT_TENANT_ID, name: 'Default' });
    result.createdTenant = true;
  }
  if (options.adminKey !== undefined) {
    await services.apiKeys.ensureWithValue(
      DEFAULT_TENANT_ID,
      { name: 'TOOLGATE_ADMIN_KEY', scopes: ['admin'], value: options.adminKey },
      'system:bootstrap',
    );
    return result;
  }
  if (result.createdTenant) {
    const { value } = await services.apiKeys.create(
      DEFAULT_TENANT_ID,
      { name: 'first admin key', scopes: ['admin'] },
      'system:bootstrap',
    );
    const password = generatePassword();
    await services.operators.create(
      DEFAULT_TENANT_ID,
      { email: FIRST_OPERATOR_EMAIL, password, scopes: ['admin'] },
      'system:bootstrap',
    );
    result.adminKey = value;
    result.operator = { email: FIRST_OPERATOR_EMAIL, password };
  }
  return result;
}
