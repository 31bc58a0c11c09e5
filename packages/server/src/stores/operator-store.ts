import { randomUUID } from 'node:crypto';
import { BadRequestError, ConflictError, NotFoundError } from '@toolgate/core';
import type { Kysely } from 'kysely';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { Database } from '../storage/schema.js';
import { recordAudit } from './audit.js';

export interface OperatorView {
  id: string;
  email: string;
  scopes: string[];
  createdAt: string;
  disabledAt: string | null;
}

function view(row: {
  id: string;
  email: string;
  scopes: string[];
  created_at: Date | string;
  disabled_at: Date | string | null;
}): OperatorView {
  return {
    id: row.id,
    email: row.email,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at).toISOString(),
  };
}

/** A hash to compare against when the email is unknown, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;

export function createOperatorStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    async create(
      tenantId: string,
      input: { email: string; password: string; scopes: string[] },
      actor: string,
    ): Promise<OperatorView> {
      const email = input.email.trim().toLowerCase();
      const row = {
        id: `op_${randomUUID().replaceAll('-', '')}`,
        tenant_id: tenantId,
        email,
        password_hash: await hashPassword(input.password),
        scopes: input.scopes,
        created_at: now(),
        disabled_at: null,
      };
      return db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('operators')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('email', '=', email)
          .executeTakeFirst();
        if (taken) {
          throw new ConflictError(`an operator with the email ${email} already exists`, [
            { path: '/email', message: 'is already used by another operator' },
          ]);
        }
        await trx
          .insertInto('operators')
          .values({ ...row, scopes: JSON.stringify(row.scopes) })
          .execute();
        await recordAudit(
          trx,
          {
            tenantId,
            actor,
            event: 'operator-created',
            targetType: 'operator',
            targetId: row.id,
            fields: ['email', 'scopes'],
          },
          now(),
        );
        return view(row);
      });
    },

    async list(tenantId: string): Promise<OperatorView[]> {
      const rows = await db
        .selectFrom('operators')
        .select(['id', 'email', 'scopes', 'created_at', 'disabled_at'])
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(view);
    },

    /** Disables an operator and ends their sessions. */
    async disable(tenantId: string, id: string, actor: string): Promise<OperatorView> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('operators')
          .set({ disabled_at: now() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .where('disabled_at', 'is', null)
          .returning(['id', 'email', 'scopes', 'created_at', 'disabled_at'])
          .executeTakeFirst();
        if (!row) throw new NotFoundError('operator');
        await trx.deleteFrom('sessions').where('operator_id', '=', id).execute();
        await recordAudit(
          trx,
          { tenantId, actor, event: 'operator-disabled', targetType: 'operator', targetId: id },
          now(),
        );
        return view(row);
      });
    },

    /**
     * Replaces an operator's scopes. Sessions read the operator's scopes on every request, so the
     * change applies to their open sessions at once. An operator cannot remove `admin` from themselves.
     */
    async updateScopes(tenantId: string, id: string, scopes: string[], actor: string): Promise<OperatorView> {
      return db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('operators')
          .select('scopes')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (!current) throw new NotFoundError('operator');
        if (actor === `operator:${id}` && current.scopes.includes('admin') && !scopes.includes('admin')) {
          throw new BadRequestError('you cannot remove admin from yourself; ask another admin', [
            { path: '/scopes', message: 'must keep admin: you cannot remove it from yourself' },
          ]);
        }
        const row = await trx
          .updateTable('operators')
          .set({ scopes: JSON.stringify(scopes) })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .returning(['id', 'email', 'scopes', 'created_at', 'disabled_at'])
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          {
            tenantId,
            actor,
            event: 'operator-updated',
            targetType: 'operator',
            targetId: id,
            fields: ['scopes'],
          },
          now(),
        );
        return view(row);
      });
    },

    /**
     * Sets a new password for the active operator with this email and ends their sessions
     * (`toolgate operators reset-password`, for an owner locked out). Undefined when no active
     * operator of the tenant has that email.
     */
    async resetPassword(
      tenantId: string,
      email: string,
      password: string,
      actor: string,
    ): Promise<OperatorView | undefined> {
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('operators')
          .set({ password_hash: passwordHash })
          .where('tenant_id', '=', tenantId)
          .where('email', '=', email.trim().toLowerCase())
          .where('disabled_at', 'is', null)
          .returning(['id', 'email', 'scopes', 'created_at', 'disabled_at'])
          .executeTakeFirst();
        if (!row) return undefined;
        await trx.deleteFrom('sessions').where('operator_id', '=', row.id).execute();
        await recordAudit(
          trx,
          {
            tenantId,
            actor,
            event: 'operator-password-reset',
            targetType: 'operator',
            targetId: row.id,
            fields: ['password'],
          },
          now(),
        );
        return view(row);
      });
    },

    /** The operator these credentials belong to, or undefined; takes the same time either way. */
    async verifyLogin(
      tenantId: string,
      email: string,
      password: string,
    ): Promise<{ id: string; tenantId: string; scopes: string[] } | undefined> {
      const row = await db
        .selectFrom('operators')
        .select(['id', 'tenant_id', 'password_hash', 'scopes'])
        .where('tenant_id', '=', tenantId)
        .where('email', '=', email.trim().toLowerCase())
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row) {
        decoyHash ??= hashPassword('decoy password that matches nothing');
        await verifyPassword(password, await decoyHash);
        return undefined;
      }
      if (!(await verifyPassword(password, row.password_hash))) return undefined;
      return { id: row.id, tenantId: row.tenant_id, scopes: row.scopes };
    },
  };
}

export type OperatorStore = ReturnType<typeof createOperatorStore>;
