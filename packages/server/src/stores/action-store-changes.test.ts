import { checkTarget, ToolgateError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../secrets/secret-box.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { type ActionStore, createActionStore } from './action-store.js';
import { listAudit } from './audit.js';
import { SIGNING_SECRET_GRACE_MS } from './signing-secrets.js';
import { createTenantStore } from './tenant-store.js';

const box = createSecretBox([Buffer.alloc(32, 7)]);
const checkUrl = (url: string) => checkTarget(url, { resolve: async () => ['93.184.216.34'] });
const START = new Date('2026-03-20T10:00:00.000Z');

function definition(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    description: 'Book a table for a number of guests.',
    url: 'https://api.example.com/bookings',
    headers: { 'X-Shop-Key': 'shop-key-secret-1', 'X-Region-Key': 'region-key-secret-2' },
    auth: { type: 'bearer', token: 'bearer-token-secret-3' },
    ...extra,
  };
}

describeEachEngine('changing actions on $engine', (engine) => {
  let opened: OpenDatabase;
  let store: ActionStore;
  let clock = START;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    await createTenantStore(opened.db).create({ id: 'tenant_a', name: 'A' });
    store = createActionStore({ db: opened.db, box, checkUrl, now: () => clock });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('serves reads from its cache yet shows its own writes at once', async () => {
    const before = await store.list('tenant_a');
    const { action } = await store.create('tenant_a', definition('cache_probe'), 'test');
    const afterCreate = await store.list('tenant_a');
    expect(afterCreate.length).toBe(before.length + 1);
    expect(await store.list('tenant_a')).toBe(afterCreate); // a hit: the same cached array
    await store.update('tenant_a', action.id, { description: 'Changed while cached.' }, 'test');
    expect((await store.get('tenant_a', action.id)).definition.description).toBe('Changed while cached.');
    await store.remove('tenant_a', action.id, 'test');
    await expect(store.get('tenant_a', action.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await store.list('tenant_a')).map((item) => item.id)).not.toContain(action.id);
  });

  it('keeps an absent header, replaces one given a string, removes one given null', async () => {
    const { action } = await store.create('tenant_a', definition('header_patch'), 'test');
    const shown = await store.update(
      'tenant_a',
      action.id,
      { headers: { 'X-Region-Key': 'region-key-secret-new', 'X-Added': 'added-secret-4' } },
      'test',
    );
    expect(shown.definition.headers).toEqual({
      'X-Shop-Key': { set: true },
      'X-Region-Key': { set: true },
      'X-Added': { set: true },
    });
    expect((await store.loadForCall('tenant_a', action.id)).definition.headers).toEqual({
      'X-Shop-Key': 'shop-key-secret-1',
      'X-Region-Key': 'region-key-secret-new',
      'X-Added': 'added-secret-4',
    });
    await store.update('tenant_a', action.id, { headers: { 'X-Shop-Key': null } }, 'test');
    expect((await store.loadForCall('tenant_a', action.id)).definition.headers).toEqual({
      'X-Region-Key': 'region-key-secret-new',
      'X-Added': 'added-secret-4',
    });
    await store.update('tenant_a', action.id, { description: 'Book a table, politely.' }, 'test');
    const after = await store.loadForCall('tenant_a', action.id);
    expect(after.definition.description).toBe('Book a table, politely.');
    expect(after.definition.headers).toEqual({
      'X-Region-Key': 'region-key-secret-new',
      'X-Added': 'added-secret-4',
    });
    expect(after.definition.auth).toEqual({ type: 'bearer', token: 'bearer-token-secret-3' });
  });

  it('replaces a header whose name differs only in case', async () => {
    const { action } = await store.create('tenant_a', definition('header_case'), 'test');
    await store.update('tenant_a', action.id, { headers: { 'x-shop-key': 'lower-case-secret' } }, 'test');
    expect((await store.loadForCall('tenant_a', action.id)).definition.headers).toEqual({
      'X-Region-Key': 'region-key-secret-2',
      'x-shop-key': 'lower-case-secret',
    });
  });

  it('keeps the stored credential when an auth patch of the same type leaves it out', async () => {
    const basic = { type: 'basic', username: 'shop', password: 'basic-password-secret' };
    const { action } = await store.create('tenant_a', definition('auth_patch', { auth: basic }), 'test');
    const shown = await store.update(
      'tenant_a',
      action.id,
      { auth: { type: 'basic', username: 'front' } },
      'test',
    );
    expect(shown.definition.auth).toEqual({ type: 'basic', username: 'front', password: { set: true } });
    expect((await store.loadForCall('tenant_a', action.id)).definition.auth).toEqual({
      type: 'basic',
      username: 'front',
      password: 'basic-password-secret',
    });
    await store.update(
      'tenant_a',
      action.id,
      { auth: { type: 'basic', password: 'rotated-password' } },
      'test',
    );
    expect((await store.loadForCall('tenant_a', action.id)).definition.auth).toEqual({
      type: 'basic',
      username: 'front',
      password: 'rotated-password',
    });
  });

  it('needs the credential when the auth type changes, and removes auth on null', async () => {
    const { action } = await store.create('tenant_a', definition('auth_type'), 'test');
    const error = await store
      .update('tenant_a', action.id, { auth: { type: 'api_key', in: 'query', name: 'key' } }, 'test')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolgateError);
    expect((error as ToolgateError).code).toBe('validation_failed');
    expect((error as ToolgateError).details.map((issue) => issue.path)).toContain('/auth/value');
    expect((await store.loadForCall('tenant_a', action.id)).definition.auth).toEqual({
      type: 'bearer',
      token: 'bearer-token-secret-3',
    });
    const shown = await store.update('tenant_a', action.id, { auth: null }, 'test');
    expect(shown.definition.auth).toBeUndefined();
    const callable = await store.loadForCall('tenant_a', action.id);
    expect(callable.definition.auth).toBeUndefined();
    const row = await opened.db
      .selectFrom('actions')
      .select('secrets')
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row.secrets).sort()).toEqual(['headers/X-Region-Key', 'headers/X-Shop-Key']);
  });

  it('disables an action through a patch', async () => {
    const { action } = await store.create('tenant_a', definition('disable_me'), 'test');
    const shown = await store.update('tenant_a', action.id, { enabled: false }, 'test');
    expect(shown.enabled).toBe(false);
    expect((await store.get('tenant_a', action.id)).enabled).toBe(false);
  });

  it('keeps the previous signing secret for the grace period after a rotation', async () => {
    clock = START;
    const { action, signingSecret: first } = await store.create('tenant_a', definition('rotate_me'), 'test');
    clock = new Date(START.getTime() + 60_000);
    const rotated = await store.rotateSigningSecret('tenant_a', action.id, 'test');
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    expect(rotated.signingSecret).not.toBe(first);
    expect(rotated.previousValidUntil).toBe(
      new Date(clock.getTime() + SIGNING_SECRET_GRACE_MS).toISOString(),
    );
    expect((await store.loadForCall('tenant_a', action.id)).signingSecrets).toEqual([
      rotated.signingSecret,
      first,
    ]);
    clock = new Date(START.getTime() + 60_000 + SIGNING_SECRET_GRACE_MS - 1);
    expect((await store.loadForCall('tenant_a', action.id)).signingSecrets).toHaveLength(2);
    clock = new Date(START.getTime() + 60_000 + SIGNING_SECRET_GRACE_MS + 1);
    expect((await store.loadForCall('tenant_a', action.id)).signingSecrets).toEqual([rotated.signingSecret]);
    const row = await opened.db
      .selectFrom('actions')
      .selectAll()
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(first);
    expect(JSON.stringify(row)).not.toContain(rotated.signingSecret);
    clock = START;
  });

  it('audits create, update, rotation and delete with field names, never values', async () => {
    const secrets = ['audit-header-secret', 'audit-token-secret', 'audit-new-secret'];
    const { action, signingSecret } = await store.create(
      'tenant_a',
      definition('audited', {
        headers: { 'X-Audit': secrets[0] },
        auth: { type: 'bearer', token: secrets[1] },
      }),
      'api_key:key_1',
    );
    await store.update(
      'tenant_a',
      action.id,
      { headers: { 'X-Audit': secrets[2] as string } },
      'operator:op_1',
    );
    const rotated = await store.rotateSigningSecret('tenant_a', action.id, 'operator:op_1');
    await store.remove('tenant_a', action.id, 'operator:op_2');
    const rows = await opened.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', action.id)
      .execute();
    const byEvent = Object.fromEntries(rows.map((row) => [row.event, row]));
    expect(Object.keys(byEvent).sort()).toEqual([
      'action-created',
      'action-deleted',
      'action-updated',
      'signing-secret-rotated',
    ]);
    expect(byEvent['action-created']).toMatchObject({
      tenant_id: 'tenant_a',
      actor: 'api_key:key_1',
      target_type: 'action',
      fields: ['auth', 'description', 'headers', 'name', 'url'],
    });
    expect(byEvent['action-updated']).toMatchObject({ actor: 'operator:op_1', fields: ['headers'] });
    expect(byEvent['signing-secret-rotated']).toMatchObject({ fields: ['signingSecret'] });
    expect(byEvent['action-deleted']).toMatchObject({ actor: 'operator:op_2', fields: [] });
    const raw = JSON.stringify(rows);
    for (const secret of [...secrets, signingSecret, rotated.signingSecret])
      expect(raw).not.toContain(secret);
    const listed = await listAudit(opened.db, 'tenant_a');
    expect(listed.filter((entry) => entry.targetId === action.id)).toHaveLength(4);
  });

  it('writes no audit row when a change is refused', async () => {
    const { action } = await store.create('tenant_a', definition('refused_change'), 'test');
    await store.update('tenant_a', action.id, { timeoutMs: 1 }, 'test').catch(() => undefined);
    const rows = await opened.db
      .selectFrom('audit_log')
      .select('event')
      .where('target_id', '=', action.id)
      .execute();
    expect(rows.map((row) => row.event)).toEqual(['action-created']);
  });
});
