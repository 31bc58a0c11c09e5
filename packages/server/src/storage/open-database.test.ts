import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { migrateToLatest } from './migrations.js';
import type { OpenDatabase } from './open-database.js';

describeEachEngine('the $engine database', (engine) => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('has every table after migration, and migrating again changes nothing', async () => {
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
      opened.db,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        'actions',
        'api_keys',
        'audit_log',
        'calls',
        'operators',
        'tenants',
        'toolgate_migrations',
      ]),
    );
    expect(await migrateToLatest(opened.db)).toEqual([]);
  });

  it('round-trips text ids, jsonb, booleans and timestamps the same way', async () => {
    const created = new Date('2026-03-20T10:00:00.000Z');
    await opened.db
      .insertInto('tenants')
      .values({ id: 'tenant_1', name: 'Shop', max_actions: 10, created_at: created })
      .execute();
    await opened.db
      .insertInto('actions')
      .values({
        id: 'action_1',
        tenant_id: 'tenant_1',
        name: 'check_order_status',
        definition: JSON.stringify({ description: 'x', parameters: { type: 'object' } }),
        secrets: JSON.stringify({ 'auth/token': 'v1.sealed' }),
        signing_secret: 'v1.sealed-signing',
        previous_signing_secret: null,
        previous_signing_secret_expires_at: null,
        enabled: true,
        created_at: created,
        updated_at: created,
      })
      .execute();
    const row = await opened.db
      .selectFrom('actions')
      .selectAll()
      .where('id', '=', 'action_1')
      .executeTakeFirstOrThrow();
    expect(row.definition).toEqual({ description: 'x', parameters: { type: 'object' } });
    expect(row.secrets).toEqual({ 'auth/token': 'v1.sealed' });
    expect(row.enabled).toBe(true);
    expect(new Date(row.created_at).toISOString()).toBe(created.toISOString());
    const count = await opened.db
      .selectFrom('actions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a second action with the same name in a tenant', async () => {
    const insert = () =>
      opened.db
        .insertInto('actions')
        .values({
          id: `action_${Math.random()}`,
          tenant_id: 'tenant_1',
          name: 'duplicate_name',
          definition: '{}',
          secrets: '{}',
          signing_secret: 's',
          previous_signing_secret: null,
          previous_signing_secret_expires_at: null,
          enabled: true,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute();
    await insert();
    await expect(insert()).rejects.toThrow(/actions_tenant_name|unique/);
  });

  it('keeps queries from outside a transaction out of it, and rolls back on error', async () => {
    const outsideSaw: number[] = [];
    const inside = opened.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('tenants')
        .values({ id: 'tenant_tx', name: 'tx', max_actions: 1, created_at: new Date() })
        .execute();
      const outside = opened.db
        .selectFrom('tenants')
        .select('id')
        .where('id', '=', 'tenant_tx')
        .execute()
        .then((rows) => outsideSaw.push(rows.length));
      // A query of the transaction sent after it: had the outside query shared the connection
      // (seeing the uncommitted row), it would have run before this one.
      await trx.selectFrom('tenants').select('id').execute();
      throw Object.assign(new Error('roll me back'), { outside });
    });
    const error = await inside.catch((caught: Error & { outside: Promise<unknown> }) => caught);
    await (error as Error & { outside: Promise<unknown> }).outside;
    expect((error as Error).message).toBe('roll me back');
    expect(outsideSaw).toEqual([0]);
    const after = await opened.db.selectFrom('tenants').select('id').where('id', '=', 'tenant_tx').execute();
    expect(after).toEqual([]);
  });
});
