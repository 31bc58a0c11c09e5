import { ToolgateError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashApiKey } from '../auth/api-key-secret.js';
import { toApiError } from '../http/api-error.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { type ApiKeyStore, createApiKeyStore } from './api-key-store.js';
import { createOperatorStore, type OperatorStore } from './operator-store.js';
import { createSessionStore, SESSION_TTL_MS, type SessionStore } from './session-store.js';
import { createTenantStore } from './tenant-store.js';

const START = new Date('2026-03-20T09:00:00.000Z');

describeEachEngine('the key, operator and session stores on $engine', (engine) => {
  let opened: OpenDatabase;
  let keys: ApiKeyStore;
  let operators: OperatorStore;
  let sessions: SessionStore;
  let clock = START;
  const now = () => clock;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    const tenants = createTenantStore(opened.db);
    await tenants.create({ id: 'tenant_a', name: 'A' });
    await tenants.create({ id: 'tenant_b', name: 'B' });
    keys = createApiKeyStore(opened.db, now);
    operators = createOperatorStore(opened.db, now);
    sessions = createSessionStore(opened.db, now);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('authenticates a created key as its tenant with its scopes', async () => {
    clock = START;
    const { key, value } = await keys.create(
      'tenant_a',
      { name: 'ci', scopes: ['actions:read', 'calls:read'] },
      'test',
    );
    expect(value).toMatch(/^tg_/);
    expect(key).toMatchObject({
      name: 'ci',
      prefix: value.slice(0, 10),
      scopes: ['actions:read', 'calls:read'],
    });
    expect(key.lastUsedAt).toBeNull();
    expect(await keys.authenticate(value)).toEqual({
      tenantId: 'tenant_a',
      scopes: ['actions:read', 'calls:read'],
      actor: `api_key:${key.id}`,
      via: 'api_key',
    });
    expect(await keys.authenticate(`${value}x`)).toBeUndefined();
    expect(await keys.existsWithValue(value)).toBe(true);
    const listed = (await keys.list('tenant_a')).find((entry) => entry.id === key.id);
    expect(listed?.lastUsedAt).toBe(START.toISOString());
  });

  it('accepts a chosen value, and stores only its hash', async () => {
    const value = 'tg_chosen_admin_key_value_0123456789';
    const { key } = await keys.create('tenant_a', { name: 'admin', scopes: ['admin'], value }, 'test');
    expect((await keys.authenticate(value))?.actor).toBe(`api_key:${key.id}`);
    const row = await opened.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashApiKey(value));
    expect(JSON.stringify(row)).not.toContain(value);
  });

  it('lists keys per tenant without their value or hash', async () => {
    const { value } = await keys.create('tenant_b', { name: 'b key', scopes: ['calls:read'] }, 'test');
    const listed = await keys.list('tenant_b');
    expect(listed.map((entry) => entry.name)).toEqual(['b key']);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(value);
    expect(text).not.toContain(hashApiKey(value));
    for (const entry of listed) {
      expect(Object.keys(entry).sort()).toEqual([
        'createdAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
        'scopes',
      ]);
    }
    expect((await keys.list('tenant_a')).map((entry) => entry.name)).not.toContain('b key');
  });

  it('stops authenticating a revoked key; revoking is tenant-scoped and audited', async () => {
    clock = START;
    const { key, value } = await keys.create('tenant_a', { name: 'temp', scopes: ['actions:write'] }, 'test');
    const foreign = await keys.revoke('tenant_b', key.id, 'test').catch((caught: unknown) => caught);
    expect(foreign).toBeInstanceOf(ToolgateError);
    expect(toApiError(foreign)?.status).toBe(404);
    expect(await keys.authenticate(value)).toBeDefined();
    clock = new Date(START.getTime() + 5_000);
    const revoked = await keys.revoke('tenant_a', key.id, 'operator:op_1');
    expect(revoked.revokedAt).toBe(clock.toISOString());
    expect(await keys.authenticate(value)).toBeUndefined();
    expect(await keys.existsWithValue(value)).toBe(false);
    const again = await keys.revoke('tenant_a', key.id, 'test').catch((caught: unknown) => caught);
    expect(toApiError(again)?.status).toBe(404);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['event', 'actor', 'fields'])
      .where('target_id', '=', key.id)
      .orderBy('at')
      .execute();
    expect(audit).toEqual([
      { event: 'api-key-created', actor: 'test', fields: ['name', 'scopes'] },
      { event: 'api-key-revoked', actor: 'operator:op_1', fields: [] },
    ]);
    expect(JSON.stringify(audit)).not.toContain(value);
    clock = START;
  });

  it('writes last_used_at at most once a minute per key', async () => {
    clock = START;
    const { key, value } = await keys.create('tenant_a', { name: 'busy', scopes: [] }, 'test');
    const lastUsed = async () =>
      (await keys.list('tenant_a')).find((entry) => entry.id === key.id)?.lastUsedAt;
    await keys.authenticate(value);
    expect(await lastUsed()).toBe(START.toISOString());
    clock = new Date(START.getTime() + 30_000);
    await keys.authenticate(value);
    expect(await lastUsed()).toBe(START.toISOString());
    clock = new Date(START.getTime() + 61_000);
    await keys.authenticate(value);
    expect(await lastUsed()).toBe(clock.toISOString());
    clock = START;
  });

  it('creates operators with a lower-cased email and refuses a duplicate with 409', async () => {
    const operator = await operators.create(
      'tenant_a',
      { email: '  Ada@Example.COM ', password: 'correct horse battery', scopes: ['admin'] },
      'test',
    );
    expect(operator).toMatchObject({ email: 'ada@example.com', scopes: ['admin'], disabledAt: null });
    expect(operator.id).toMatch(/^op_/);
    const duplicate = await operators
      .create('tenant_a', { email: 'ADA@example.com', password: 'another one', scopes: [] }, 'test')
      .catch((caught: unknown) => caught);
    expect(duplicate).toBeInstanceOf(ToolgateError);
    expect(toApiError(duplicate)?.status).toBe(409);
    expect((duplicate as ToolgateError).details.map((issue) => issue.path)).toEqual(['/email']);
    const elsewhere = await operators.create(
      'tenant_b',
      { email: 'ada@example.com', password: 'p', scopes: [] },
      't',
    );
    expect(elsewhere.email).toBe('ada@example.com');
    expect((await operators.list('tenant_a')).map((entry) => entry.email)).toEqual(['ada@example.com']);
    const row = await opened.db
      .selectFrom('operators')
      .selectAll()
      .where('id', '=', operator.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain('correct horse battery');
    expect(JSON.stringify(await operators.list('tenant_a'))).not.toContain('scrypt');
  });

  it('verifies a login only with the right password, email and tenant', async () => {
    const operator = await operators.create(
      'tenant_a',
      { email: 'grace@example.com', password: 'Sw0rdfish!', scopes: ['actions:read'] },
      'test',
    );
    expect(await operators.verifyLogin('tenant_a', ' Grace@Example.com', 'Sw0rdfish!')).toEqual({
      id: operator.id,
      tenantId: 'tenant_a',
      scopes: ['actions:read'],
    });
    expect(await operators.verifyLogin('tenant_a', 'grace@example.com', 'sw0rdfish!')).toBeUndefined();
    expect(await operators.verifyLogin('tenant_a', 'nobody@example.com', 'Sw0rdfish!')).toBeUndefined();
    expect(await operators.verifyLogin('tenant_b', 'grace@example.com', 'Sw0rdfish!')).toBeUndefined();
  });

  it('opens sessions that authenticate as the operator until they expire', async () => {
    clock = START;
    const operator = await operators.create(
      'tenant_a',
      { email: 'linus@example.com', password: 'pw-linus', scopes: ['calls:read'] },
      'test',
    );
    const session = await sessions.open({ id: operator.id, tenantId: 'tenant_a' });
    expect(session.expiresAt.toISOString()).toBe(new Date(START.getTime() + SESSION_TTL_MS).toISOString());
    expect(await sessions.authenticate(session.token)).toEqual({
      tenantId: 'tenant_a',
      scopes: ['calls:read'],
      actor: `operator:${operator.id}`,
      via: 'session',
      csrfToken: session.csrfToken,
    });
    expect(await sessions.authenticate(`${session.token}x`)).toBeUndefined();
    const stored = await opened.db
      .selectFrom('sessions')
      .selectAll()
      .where('operator_id', '=', operator.id)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(session.token);
    clock = new Date(START.getTime() + SESSION_TTL_MS - 1);
    expect(await sessions.authenticate(session.token)).toBeDefined();
    clock = new Date(START.getTime() + SESSION_TTL_MS);
    expect(await sessions.authenticate(session.token)).toBeUndefined();
    clock = START;
    await sessions.close(session.token);
    expect(await sessions.authenticate(session.token)).toBeUndefined();
  });

  it('a password reset replaces the password, ends the sessions and is audited', async () => {
    clock = START;
    const operator = await operators.create(
      'tenant_a',
      { email: 'reset@example.com', password: 'the old password', scopes: ['admin'] },
      'test',
    );
    const session = await sessions.open({ id: operator.id, tenantId: 'tenant_a' });
    expect(await operators.resetPassword('tenant_b', 'reset@example.com', 'x', 'test')).toBeUndefined();
    const reset = await operators.resetPassword(
      'tenant_a',
      ' Reset@Example.com ',
      'the new password',
      'system:cli',
    );
    expect(reset?.id).toBe(operator.id);
    expect(await operators.verifyLogin('tenant_a', 'reset@example.com', 'the old password')).toBeUndefined();
    expect(await operators.verifyLogin('tenant_a', 'reset@example.com', 'the new password')).toBeDefined();
    expect(await sessions.authenticate(session.token)).toBeUndefined();
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['actor', 'event'])
      .where('target_id', '=', operator.id)
      .execute();
    expect(audit).toContainEqual({ actor: 'system:cli', event: 'operator-password-reset' });
  });

  it('ends an operator’s sessions and logins when they are disabled', async () => {
    clock = START;
    const operator = await operators.create(
      'tenant_a',
      { email: 'off@example.com', password: 'pw-off', scopes: [] },
      'test',
    );
    const one = await sessions.open({ id: operator.id, tenantId: 'tenant_a' });
    const two = await sessions.open({ id: operator.id, tenantId: 'tenant_a' });
    expect(await sessions.authenticate(one.token)).toBeDefined();
    const foreign = await operators
      .disable('tenant_b', operator.id, 'test')
      .catch((caught: unknown) => caught);
    expect(toApiError(foreign)?.status).toBe(404);
    expect(await sessions.authenticate(one.token)).toBeDefined();
    const disabled = await operators.disable('tenant_a', operator.id, 'operator:admin');
    expect(disabled.disabledAt).toBe(START.toISOString());
    expect(await sessions.authenticate(one.token)).toBeUndefined();
    expect(await sessions.authenticate(two.token)).toBeUndefined();
    expect(await operators.verifyLogin('tenant_a', 'off@example.com', 'pw-off')).toBeUndefined();
    const again = await operators.disable('tenant_a', operator.id, 'test').catch((caught: unknown) => caught);
    expect(toApiError(again)?.status).toBe(404);
    const late = await sessions.open({ id: operator.id, tenantId: 'tenant_a' });
    expect(await sessions.authenticate(late.token)).toBeUndefined();
  });

  it('purges expired sessions and returns how many', async () => {
    clock = START;
    await opened.db.deleteFrom('sessions').execute();
    const operator = await operators.create(
      'tenant_b',
      { email: 'purge@example.com', password: 'pw', scopes: [] },
      't',
    );
    const old1 = await sessions.open({ id: operator.id, tenantId: 'tenant_b' });
    const old2 = await sessions.open({ id: operator.id, tenantId: 'tenant_b' });
    clock = new Date(START.getTime() + 6 * 3600_000);
    const fresh = await sessions.open({ id: operator.id, tenantId: 'tenant_b' });
    clock = new Date(START.getTime() + SESSION_TTL_MS + 1);
    expect(await sessions.purgeExpired()).toBe(2);
    expect(await sessions.purgeExpired()).toBe(0);
    expect(await sessions.authenticate(fresh.token)).toBeDefined();
    for (const gone of [old1, old2]) expect(await sessions.authenticate(gone.token)).toBeUndefined();
    const left = await opened.db.selectFrom('sessions').select('id_hash').execute();
    expect(left).toHaveLength(1);
    clock = START;
  });
});
