import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { MIGRATION_NAMES, migrateToLatest } from './migrations.js';
import { PGliteDialect } from './pglite-dialect.js';

/**
 * A new embedded database costs PostgreSQL's `initdb`, about 4 s of WebAssembly on this machine.
 * The build runs it once and keeps the result, already migrated, as a tarball; a new data folder
 * (and every in-memory test database) starts from a copy of it in about 1 s. The tarball sits in
 * the server package's `dist/`, next to a note of the PGlite version and migrations it holds: a
 * snapshot from another PGlite, or with migrations the code does not have, is not used.
 */
const SNAPSHOT_FILE = fileURLToPath(new URL('../../dist/initial-database.tgz', import.meta.url));
const SNAPSHOT_NOTE_FILE = fileURLToPath(new URL('../../dist/initial-database.json', import.meta.url));

/** What a snapshot was made from. */
interface SnapshotNote {
  pglite: string;
  migrations: string[];
}

async function installedPgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  // .../node_modules/@electric-sql/pglite/dist/index.cjs -> the package's own package.json
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}

async function readNote(): Promise<SnapshotNote | undefined> {
  try {
    return JSON.parse(await readFile(SNAPSHOT_NOTE_FILE, 'utf8')) as SnapshotNote;
  } catch {
    return undefined;
  }
}

/**
 * Whether the note describes a snapshot this code can start from: the same PGlite, and migrations
 * that are a prefix of the code's (the rest are applied after loading, as for any database).
 */
export function snapshotUsable(note: SnapshotNote | undefined, pglite: string): note is SnapshotNote {
  if (!note || note.pglite !== pglite || !Array.isArray(note.migrations)) return false;
  if (note.migrations.length > MIGRATION_NAMES.length) return false;
  return note.migrations.every((name, index) => MIGRATION_NAMES[index] === name);
}

let cached: Promise<Blob | undefined> | undefined;

/** The snapshot to start a new embedded database from, or undefined when there is none usable. */
export function initialSnapshot(): Promise<Blob | undefined> {
  cached ??= (async () => {
    const [note, pglite] = await Promise.all([readNote(), installedPgliteVersion()]);
    if (!snapshotUsable(note, pglite)) return undefined;
    try {
      return new Blob([await readFile(SNAPSHOT_FILE)]);
    } catch {
      return undefined;
    }
  })();
  return cached;
}

/** Whether the snapshot on disk is current: same PGlite and exactly the code's migrations. */
export async function snapshotIsCurrent(): Promise<boolean> {
  const [note, pglite] = await Promise.all([readNote(), installedPgliteVersion()]);
  return snapshotUsable(note, pglite) && note.migrations.length === MIGRATION_NAMES.length;
}

/**
 * Initialises and migrates an in-memory database and writes it as the snapshot (the build's
 * step; also the test run's when the snapshot is missing or behind the migrations). Each file is
 * written beside its final name and renamed, so a reader never sees half a snapshot.
 */
export async function writeInitialSnapshot(): Promise<{ bytes: number; migrations: number }> {
  const database = await PGlite.create();
  const db = new Kysely({ dialect: new PGliteDialect(database) });
  try {
    await migrateToLatest(db);
    const tarball = Buffer.from(await (await database.dumpDataDir('gzip')).arrayBuffer());
    const note: SnapshotNote = { pglite: await installedPgliteVersion(), migrations: [...MIGRATION_NAMES] };
    const suffix = `.${process.pid}.tmp`;
    await mkdir(dirname(SNAPSHOT_FILE), { recursive: true });
    await writeFile(SNAPSHOT_FILE + suffix, tarball);
    await writeFile(SNAPSHOT_NOTE_FILE + suffix, `${JSON.stringify(note)}\n`);
    // The note goes last: a note always describes the tarball beside it.
    await rename(SNAPSHOT_FILE + suffix, SNAPSHOT_FILE);
    await rename(SNAPSHOT_NOTE_FILE + suffix, SNAPSHOT_NOTE_FILE);
    cached = undefined;
    return { bytes: tarball.length, migrations: note.migrations.length };
  } finally {
    await db.destroy();
  }
}
