import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { initialSnapshot } from './initial-snapshot.js';
import { migrateToLatest } from './migrations.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

/** Connections per process to PostgreSQL: plenty for one API process, small enough for many. */
const POSTGRES_POOL_SIZE = 10;

/** SQLSTATE of a connection ended by the server's administrator (or a forced drop). */
const ADMIN_SHUTDOWN = '57P01';

/** Where the data lives. */
export type DatabaseLocation =
  | { engine: 'pglite'; dataDir: string | undefined }
  | { engine: 'postgres'; url: string };

/** An open, migrated database. */
export interface OpenDatabase {
  db: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the embedded database in `<dataDir>/db` (in memory when `dataDir` is undefined, for
 * tests) or PostgreSQL at `url`, and applies every migration.
 *
 * @example
 * const { db, close } = await openDatabase({ engine: 'pglite', dataDir: './data' });
 */
export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  if (location.engine === 'pglite') {
    let path: string | undefined;
    if (location.dataDir !== undefined) {
      path = join(location.dataDir, 'db');
      await mkdir(path, { recursive: true });
    }
    // A new database starts from the build's migrated snapshot instead of running initdb.
    const fresh = path === undefined || !existsSync(join(path, 'PG_VERSION'));
    const snapshot = fresh ? await initialSnapshot() : undefined;
    const database = await PGlite.create({
      ...(path === undefined ? {} : { dataDir: path }),
      ...(snapshot === undefined ? {} : { loadDataDir: snapshot }),
    });
    db = new Kysely<Database>({ dialect: new PGliteDialect(database) });
  } else {
    // int8 as string everywhere (PGlite does the same with text ids): ids are text anyway.
    const pool = new pg.Pool({ connectionString: location.url, max: POSTGRES_POOL_SIZE });
    // An idle connection the server ends (restart, failover, an administrator) must not crash the
    // process: the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== ADMIN_SHUTDOWN)
        console.warn(`PostgreSQL connection lost: ${error.message}`);
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, engine: location.engine, close: () => db.destroy() };
}
