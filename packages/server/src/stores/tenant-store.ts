import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@toolgate/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { recordAudit } from './audit.js';

/** Actions a tenant may define unless its limit is changed. */
export const DEFAULT_MAX_ACTIONS = 10;
/** The tenant a fresh installation creates and `TOOLGATE_ADMIN_KEY` belongs to. */
export const DEFAULT_TENANT_ID = 'default';

export interface TenantView {
  id: string;
  name: string;
  maxActions: number;
}

const view = (row: { id: string; name: string; max_actions: number }): TenantView => ({
  id: row.id,
  name: row.name,
  maxActions: row.max_actions,
});

export function createTenantStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    async create(input: { id?: string; name: string; maxActions?: number }): Promise<TenantView> {
      const row = {
        id: input.id ?? `ten_${randomUUID().replaceAll('-', '')}`,
        name: input.name,
        max_actions: input.maxActions ?? DEFAULT_MAX_ACTIONS,
        created_at: now(),
      };
      await db.insertInto('tenants').values(row).execute();
      return view(row);
    },

    async find(id: string): Promise<TenantView | undefined> {
      const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
      return row && view(row);
    },

    async get(id: string): Promise<TenantView> {
      const tenant = await this.find(id);
      if (!tenant) throw new NotFoundError('tenant');
      return tenant;
    },

    async update(
      id: string,
      patch: { name?: string; maxActions?: number },
      actor: string,
    ): Promise<TenantView> {
      // Nothing to change (`{}`, as PATCH allows for every resource): the tenant as it is, no audit entry.
      if (patch.name === undefined && patch.maxActions === undefined) return this.get(id);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('tenants')
          .set({
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(patch.maxActions === undefined ? {} : { max_actions: patch.maxActions }),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new NotFoundError('tenant');
        await recordAudit(
          trx,
          {
            tenantId: id,
            actor,
            event: 'tenant-updated',
            targetType: 'tenant',
            targetId: id,
            fields: Object.keys(patch).sort(),
          },
          now(),
        );
        return view(row);
      });
    },
  };
}

export type TenantStore = ReturnType<typeof createTenantStore>;
