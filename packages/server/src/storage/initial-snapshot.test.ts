import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { initialSnapshot, snapshotIsCurrent, snapshotUsable } from './initial-snapshot.js';
import { MIGRATION_NAMES } from './migrations.js';
import { openDatabase } from './open-database.js';

describe('the initial database snapshot', () => {
  it('is used only for the same PGlite and migrations the code also has, in order', () => {
    const all = [...MIGRATION_NAMES];
    expect(snapshotUsable({ pglite: '1.0.0', migrations: all }, '1.0.0')).toBe(true);
    // Behind the code: usable, the missing migrations run after loading.
    expect(snapshotUsable({ pglite: '1.0.0', migrations: all.slice(0, 1) }, '1.0.0')).toBe(true);
    expect(snapshotUsable({ pglite: '1.0.0', migrations: all }, '1.0.1')).toBe(false);
    expect(snapshotUsable({ pglite: '1.0.0', migrations: [...all, '9999_from_the_future'] }, '1.0.0')).toBe(
      false,
    );
    expect(snapshotUsable({ pglite: '1.0.0', migrations: ['0001_something_else'] }, '1.0.0')).toBe(false);
    expect(snapshotUsable(undefined, '1.0.0')).toBe(false);
  });

  it('is current for the test run (the global setup writes it when missing)', async () => {
    expect(await snapshotIsCurrent()).toBe(true);
    expect(await initialSnapshot()).toBeInstanceOf(Blob);
  });

  const dataDirs: string[] = [];
  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it('starts a new data folder migrated, and the folder reopens with its data', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'toolgate-snapshot-'));
    dataDirs.push(dataDir);
    const first = await openDatabase({ engine: 'pglite', dataDir });
    const applied = await sql<{ name: string }>`select name from toolgate_migrations order by name`.execute(
      first.db,
    );
    expect(applied.rows.map((row) => row.name)).toEqual([...MIGRATION_NAMES]);
    await sql`insert into tenants (id, name) values ('t_snapshot', 'Kept')`.execute(first.db);
    await first.close();
    expect(await readdir(join(dataDir, 'db'))).toContain('PG_VERSION');

    const again = await openDatabase({ engine: 'pglite', dataDir });
    const tenants = await again.db.selectFrom('tenants').select('name').execute();
    expect(tenants).toEqual([{ name: 'Kept' }]);
    await again.close();
  });

  it('gives every in-memory database its own copy', async () => {
    const one = await openDatabase({ engine: 'pglite', dataDir: undefined });
    const two = await openDatabase({ engine: 'pglite', dataDir: undefined });
    await sql`insert into tenants (id, name) values ('t_one', 'One')`.execute(one.db);
    expect(await two.db.selectFrom('tenants').select('id').execute()).toEqual([]);
    await Promise.all([one.close(), two.close()]);
  });
});
