import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@toolgate/core';
import type { Kysely } from 'kysely';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-key-secret.js';
import type { Principal } from '../auth/principal.js';
import type { CacheBus } from '../shared/cache-bus.js';
import { createTtlCache } from '../shared/ttl-cache.js';
import type { Database, WidgetRestriction } from '../storage/schema.js';
import { recordAudit } from './audit.js';

/**
 * A presented key's principal is remembered this long. A revocation through this process takes
 * effect at once; through another instance, within this time.
 */
export const API_KEY_CACHE_MS = 2_000;

/** Presented keys whose hash is remembered (a key is ~50 characters: well under 100 kB). */
const HASHED_KEYS = 1_000;

/** `last_used_at` is written at most this often per key: a read-heavy API must not write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Present for widget keys. */
  widget?: WidgetRestriction;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function view(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
  widget?: WidgetRestriction | null;
}): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
    ...(row.widget ? { widget: row.widget } : {}),
  };
}

/**
 * API keys of every tenant. Looked-up keys are cached `API_KEY_CACHE_MS`; with `cacheBus`, a
 * revocation on any instance clears the others' caches too.
 */
export function createApiKeyStore(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
  cacheBus?: CacheBus,
) {
  /** key id -> when its use was last written. */
  const lastWritten = new Map<string, number>();
  const principals = createTtlCache<Principal | undefined>(
    API_KEY_CACHE_MS,
    10_000,
    () => now().getTime(),
    cacheBus ? { name: 'api-key-principals', bus: cacheBus } : undefined,
  );

  /**
   * Presented key -> its SHA-256, for the keys seen lately (at most `HASHED_KEYS`, then it starts
   * again): hashing was ~2 µs of every API request. It says nothing about validity: that is still
   * the principal cache's answer (`API_KEY_CACHE_MS`, cleared on revocation), so a revoked key is
   * refused as before. The presented values stay in this process's memory (as each request's
   * header does briefly); they never leave it (the cache bus carries hashes only).
   */
  const hashes = new Map<string, string>();
  function hashOf(value: string): string {
    let hash = hashes.get(value);
    if (hash === undefined) {
      if (hashes.size >= HASHED_KEYS) hashes.clear();
      hash = hashApiKey(value);
      hashes.set(value, hash);
    }
    return hash;
  }

  async function lookUp(hash: string): Promise<Principal | undefined> {
    const row = await db
      .selectFrom('api_keys')
      .select(['id', 'tenant_id', 'scopes', 'widget'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    const at = now();
    if (at.getTime() - (lastWritten.get(row.id) ?? 0) >= LAST_USED_RESOLUTION_MS) {
      lastWritten.set(row.id, at.getTime());
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', row.id).execute();
    }
    return {
      tenantId: row.tenant_id,
      scopes: row.scopes,
      actor: `api_key:${row.id}`,
      via: 'api_key',
      ...(row.widget ? { widget: row.widget } : {}),
    };
  }

  return {
    /** Creates a key; its value is returned this once and only its hash is stored. */
    async create(
      tenantId: string,
      input: { name: string; scopes: string[]; value?: string; widget?: WidgetRestriction },
      actor: string,
    ): Promise<{ key: ApiKeyView; value: string }> {
      const generated = generateApiKey();
      const value = input.value ?? generated.value;
      const row = {
        id: `key_${randomUUID().replaceAll('-', '')}`,
        tenant_id: tenantId,
        name: input.name,
        prefix: apiKeyPrefix(value),
        key_hash: hashApiKey(value),
        scopes: input.scopes,
        widget: input.widget ?? null,
        created_at: now(),
        revoked_at: null,
        last_used_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('api_keys')
          .values({
            ...row,
            scopes: JSON.stringify(row.scopes),
            widget: row.widget === null ? null : JSON.stringify(row.widget),
          })
          .execute();
        await recordAudit(
          trx,
          {
            tenantId,
            actor,
            event: 'api-key-created',
            targetType: 'api_key',
            targetId: row.id,
            fields: ['name', 'scopes'],
          },
          now(),
        );
      });
      // An earlier "unknown key" answer for this value must not outlive its creation.
      await principals.delete(row.key_hash);
      return { key: view(row), value };
    },

    async list(tenantId: string): Promise<ApiKeyView[]> {
      const rows = await db
        .selectFrom('api_keys')
        .select(['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at', 'widget'])
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(view);
    },

    async revoke(tenantId: string, id: string, actor: string): Promise<ApiKeyView> {
      return db
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .updateTable('api_keys')
            .set({ revoked_at: now() })
            .where('tenant_id', '=', tenantId)
            .where('id', '=', id)
            .where('revoked_at', 'is', null)
            .returning([
              'id',
              'name',
              'prefix',
              'scopes',
              'created_at',
              'last_used_at',
              'revoked_at',
              'widget',
            ])
            .executeTakeFirst();
          if (!row) throw new NotFoundError('API key');
          await recordAudit(
            trx,
            { tenantId, actor, event: 'api-key-revoked', targetType: 'api_key', targetId: id },
            now(),
          );
          return view(row);
        })
        .finally(() => principals.clear());
    },

    /**
     * Makes sure a live key with exactly this value exists in the tenant with these scopes
     * (`TOOLGATE_ADMIN_KEY`): created when absent, otherwise restored and moved if needed.
     */
    async ensureWithValue(
      tenantId: string,
      input: { name: string; scopes: string[]; value: string },
      actor: string,
    ): Promise<void> {
      const hash = hashApiKey(input.value);
      const existing = await db
        .selectFrom('api_keys')
        .select('id')
        .where('key_hash', '=', hash)
        .executeTakeFirst();
      if (!existing) {
        await this.create(tenantId, input, actor);
        return;
      }
      await db
        .updateTable('api_keys')
        .set({ revoked_at: null, scopes: JSON.stringify(input.scopes), tenant_id: tenantId })
        .where('id', '=', existing.id)
        .execute();
      await principals.delete(hash);
    },

    /** Whether a key with exactly this value exists (any tenant): used to honour TOOLGATE_ADMIN_KEY. */
    async existsWithValue(value: string): Promise<boolean> {
      const row = await db
        .selectFrom('api_keys')
        .select('id')
        .where('key_hash', '=', hashApiKey(value))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The principal of a presented key, or undefined for an unknown or revoked key. */
    authenticate(value: string): Promise<Principal | undefined> {
      const hash = hashOf(value);
      return principals.get(hash, () => lookUp(hash));
    },
  };
}

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;
