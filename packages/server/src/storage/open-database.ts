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

/** A PostgreSQL server that does not answer a connection within this long fails the start. */
const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;
/**
 * The embedded database that has not opened by then fails the start instead of hanging: a new
 * folder without the build's snapshot runs initdb (about 4 s here), so this is far past normal.
 */
const PGLITE_OPEN_TIMEOUT_MS = 120_000;

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
  /** PostgreSQL only: the pool under `db`, for what shares it (rate limits, cache notices). */
  pool?: pg.Pool;
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
  let pool: pg.Pool | undefined;
  if (location.engine === 'pglite') {
    let path: string | undefined;
    if (location.dataDir !== undefined) {
      path = join(location.dataDir, 'db');
      await mkdir(path, { recursive: true });
    }
    // A new database starts from the build's migrated snapshot instead of running initdb.
    const fresh = path === undefined || !existsSync(join(path, 'PG_VERSION'));
    const snapshot = fresh ? await initialSnapshot() : undefined;
    const database = await openPGlite(path, snapshot);
    db = new Kysely<Database>({ dialect: new PGliteDialect(database) });
  } else {
    // int8 as string everywhere (PGlite does the same with text ids): ids are text anyway.
    pool = new pg.Pool({
      connectionString: location.url,
      max: POSTGRES_POOL_SIZE,
      connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    });
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
    await db.destroy().catch(() => {});
    if (location.engine === 'pglite' && location.dataDir !== undefined) {
      throw damagedFolderError(join(location.dataDir, 'db'), error);
    }
    if (location.engine === 'postgres') throw unreachablePostgresError(location.url, error);
    throw error;
  }
  return { db, engine: location.engine, ...(pool ? { pool } : {}), close: () => db.destroy() };
}

/** What went wrong, for a message: the error's message, or its code when it has none. */
function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

function damagedFolderError(path: string, error: unknown): Error {
  return new Error(
    `could not open the embedded database in ${path}: ${reason(error)}. The folder may be damaged ` +
      '(two processes writing to it at once, a full disk, a copy taken while it ran): restore it from a backup, ' +
      'or move the data folder away to start with a new one.',
    { cause: error },
  );
}

function unreachablePostgresError(url: string, error: unknown): Error {
  let where = 'DATABASE_URL';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    // the configuration check already refused a bad URL
  }
  return new Error(`could not use PostgreSQL at ${where} (DATABASE_URL): ${reason(error)}`, { cause: error });
}

/** PGlite on `path` (in memory when undefined), failing with the folder named rather than hanging. */
async function openPGlite(path: string | undefined, snapshot: Blob | undefined): Promise<PGlite> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`did not open within ${PGLITE_OPEN_TIMEOUT_MS / 1000} s`)),
      PGLITE_OPEN_TIMEOUT_MS,
    );
    timer.unref();
  });
  try {
    return await Promise.race([
      PGlite.create({
        ...(path === undefined ? {} : { dataDir: path }),
        ...(snapshot === undefined ? {} : { loadDataDir: snapshot }),
      }),
      timeout,
    ]);
  } catch (error) {
    throw path === undefined ? error : damagedFolderError(path, error);
  } finally {
    clearTimeout(timer);
  }
}
