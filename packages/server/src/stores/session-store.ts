import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../storage/schema.js';

/** Sessions last a working day; signing in again is cheap. */
export const SESSION_TTL_MS = 12 * 3600_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSessionStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    /** Opens a session; the token goes in the cookie, the CSRF token to the app. */
    async open(operator: {
      id: string;
      tenantId: string;
    }): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now().getTime() + SESSION_TTL_MS);
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashToken(token),
          tenant_id: operator.tenantId,
          operator_id: operator.id,
          csrf_token: csrfToken,
          created_at: now(),
          expires_at: expiresAt,
        })
        .execute();
      return { token, csrfToken, expiresAt };
    },

    /** The principal of a live session of an enabled operator, or undefined. */
    async authenticate(token: string): Promise<Principal | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('operators', 'operators.id', 'sessions.operator_id')
        .select(['sessions.tenant_id', 'sessions.operator_id', 'sessions.csrf_token', 'operators.scopes'])
        .where('sessions.id_hash', '=', hashToken(token))
        .where('sessions.expires_at', '>', now())
        .where('operators.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        tenantId: row.tenant_id,
        scopes: row.scopes,
        actor: `operator:${row.operator_id}`,
        via: 'session',
        csrfToken: row.csrf_token,
      };
    },

    async close(token: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
    },

    /** Deletes expired sessions; returns how many. */
    async purgeExpired(): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
