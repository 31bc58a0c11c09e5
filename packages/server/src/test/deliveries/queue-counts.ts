import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../storage/open-database.js';
import type { InstanceStorage } from './toolgate-instance.js';

/** Rows of the `deliveries` table by status (`pending`, `delivered`, `dead`, `cancelled`). */
export type QueueCounts = Record<string, number>;

const COUNT_SQL = 'select status, count(*)::int as count from deliveries group by status';

/**
 * Counts the queue's rows straight from the database, as no instance reports them. PostgreSQL
 * is read while instances run; an embedded data folder only while no server holds it.
 */
export async function readQueueCounts(storage: InstanceStorage): Promise<QueueCounts> {
  const counts: QueueCounts = {};
  if (storage.engine === 'postgres') {
    const client = new pg.Client({ connectionString: storage.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ status: string; count: number }>(COUNT_SQL);
      for (const row of rows) counts[row.status] = row.count;
    } finally {
      await client.end();
    }
    return counts;
  }
  const opened = await openDatabase({ engine: 'pglite', dataDir: storage.dataDir });
  try {
    const { rows } = await sql<{ status: string; count: number }>`${sql.raw(COUNT_SQL)}`.execute(opened.db);
    for (const row of rows) counts[row.status] = row.count;
  } finally {
    await opened.close();
  }
  return counts;
}
