import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.js';

/** Advisory lock keys of the work only one instance may do at a time (arbitrary constants). */
export const LOCKS = { bootstrap: 7_401_516, purge: 7_401_517 } as const;

/**
 * Runs `work` while this instance holds the PostgreSQL advisory lock `key` (a session lock on a
 * connection reserved for it; `work` may use the pool). `wait: false` skips when another instance
 * holds it (`{ ran: false }`). On the embedded database (`engine: 'pglite'`, one process, one
 * connection) `work` just runs.
 */
export async function withAdvisoryLock<T>(
  db: Kysely<Database>,
  engine: 'pglite' | 'postgres',
  key: number,
  options: { wait: boolean },
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (engine === 'pglite') return { ran: true, value: await work() };
  return db.connection().execute(async (connection) => {
    if (options.wait) {
      await sql`select pg_advisory_lock(${key})`.execute(connection);
    } else {
      const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_lock(${key}) as got`.execute(
        connection,
      );
      if (!rows[0]?.got) return { ran: false } as const;
    }
    try {
      return { ran: true, value: await work() } as const;
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
