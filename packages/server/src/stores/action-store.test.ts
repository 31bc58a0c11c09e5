import { checkTarget, ToolgateError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiError, toApiError } from '../http/api-error.js';
import { createSecretBox } from '../secrets/secret-box.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { type ActionStore, createActionStore } from './action-store.js';
import { createTenantStore } from './tenant-store.js';

const HEADER_SECRET = 'hdr-planted-secret-7f3a91';
const TOKEN_SECRET = 'tok-planted-secret-91bc44';
const box = createSecretBox([Buffer.alloc(32, 7)]);
/** Pure classification with a fixed answer: nothing is resolved or connected. */
const resolvingTo = (addresses: string[]) => (url: string) =>
  checkTarget(url, { resolve: async () => addresses });

function definition(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    description: 'Look up the status of an order by its number.',
    url: 'https://api.example.com/orders',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'e.g. ORD-12345' } },
      required: ['order_number'],
    },
    headers: { 'X-Api-Key': HEADER_SECRET },
    auth: { type: 'bearer', token: TOKEN_SECRET },
    ...extra,
  };
}

/** The domain error a promise rejects with, as the API answers it (fails the test when it resolves or throws something else). */
async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolgateError);
  return toApiError(error) as ApiError;
}

describeEachEngine('the action store on $engine', (engine) => {
  let opened: OpenDatabase;
  let store: ActionStore;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    const tenants = createTenantStore(opened.db);
    await tenants.create({ id: 'tenant_a', name: 'A' });
    await tenants.create({ id: 'tenant_b', name: 'B' });
    await tenants.create({ id: 'tenant_small', name: 'Small', maxActions: 2 });
    await tenants.create({ id: 'tenant_race', name: 'Race', maxActions: 3 });
    store = createActionStore({ db: opened.db, box, checkUrl: resolvingTo(['93.184.216.34']) });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('creates an action with a whsec_ signing secret and shows no secret value', async () => {
    const { action, signingSecret } = await store.create('tenant_a', definition('check_order'), 'test');
    expect(signingSecret).toMatch(/^whsec_/);
    expect(action.id).toMatch(/^act_/);
    expect(action.enabled).toBe(true);
    expect(action.definition.name).toBe('check_order');
    expect(action.definition.headers).toEqual({ 'X-Api-Key': { set: true } });
    expect(action.definition.auth).toEqual({ type: 'bearer', token: { set: true } });
    const shown = JSON.stringify([
      action,
      await store.get('tenant_a', action.id),
      await store.list('tenant_a'),
    ]);
    expect(shown).not.toContain(HEADER_SECRET);
    expect(shown).not.toContain(TOKEN_SECRET);
    expect(shown).not.toContain(signingSecret);
  });

  it('keeps the parameters in the order they were entered, after a save and a reload', async () => {
    const entered = ['zip_code', 'amount', 'customer_email', 'b'];
    const properties = Object.fromEntries(entered.map((name) => [name, { type: 'string' }]));
    const parameters = { type: 'object', properties, required: ['zip_code'] };
    const { action } = await store.create('tenant_a', definition('ordered_check', { parameters }), 'test');
    // A store of its own: nothing cached, the definition as the database gives it back.
    const fresh = createActionStore({ db: opened.db, box, checkUrl: resolvingTo(['93.184.216.34']) });
    const keys = async () =>
      Object.keys(
        ((await fresh.get('tenant_a', action.id)).definition.parameters as { properties: object }).properties,
      );
    expect(await keys()).toEqual(entered);
    const reordered = ['customer_email', 'zip_code', 'amount'];
    await store.update(
      'tenant_a',
      action.id,
      {
        parameters: {
          type: 'object',
          properties: Object.fromEntries(reordered.map((name) => [name, { type: 'string' }])),
          required: ['zip_code'],
        },
      },
      'test',
    );
    const again = createActionStore({ db: opened.db, box, checkUrl: resolvingTo(['93.184.216.34']) });
    const view = await again.get('tenant_a', action.id);
    expect(Object.keys((view.definition.parameters as { properties: object }).properties)).toEqual(reordered);
  });

  it('stores secrets sealed: the raw row holds no planted value', async () => {
    const { action, signingSecret } = await store.create('tenant_a', definition('sealed_check'), 'test');
    const row = await opened.db
      .selectFrom('actions')
      .selectAll()
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const secret of [HEADER_SECRET, TOKEN_SECRET, signingSecret]) expect(raw).not.toContain(secret);
    expect(Object.keys(row.secrets).sort()).toEqual(['auth/token', 'headers/X-Api-Key']);
    for (const sealed of Object.values(row.secrets)) expect(sealed).toMatch(/^v1\./);
    expect(row.signing_secret).toMatch(/^v1\./);
    const callable = await store.loadForCall('tenant_a', action.id);
    expect(callable.definition.headers).toEqual({ 'X-Api-Key': HEADER_SECRET });
    expect(callable.definition.auth).toEqual({ type: 'bearer', token: TOKEN_SECRET });
    expect(callable.signingSecrets).toEqual([signingSecret]);
  });

  it('scopes list, get, update, remove and loadForCall to the tenant', async () => {
    const { action } = await store.create('tenant_a', definition('scoped_action'), 'test');
    expect((await store.list('tenant_a')).map((listed) => listed.id)).toContain(action.id);
    expect((await store.list('tenant_b')).map((listed) => listed.id)).not.toContain(action.id);
    for (const attempt of [
      () => store.get('tenant_b', action.id),
      () => store.update('tenant_b', action.id, { description: 'Taken over by tenant B.' }, 'test'),
      () => store.remove('tenant_b', action.id, 'test'),
      () => store.rotateSigningSecret('tenant_b', action.id, 'test'),
      () => store.loadForCall('tenant_b', action.id),
    ]) {
      const error = await rejection(attempt());
      expect(error.status).toBe(404);
      expect(error.code).toBe('not_found');
    }
    const still = await store.get('tenant_a', action.id);
    expect(still.definition.description).toBe('Look up the status of an order by its number.');
    await store.remove('tenant_a', action.id, 'test');
    expect((await rejection(store.get('tenant_a', action.id))).status).toBe(404);
    expect((await rejection(store.remove('tenant_a', action.id, 'test'))).status).toBe(404);
  });

  it('lists a tenant’s actions in creation order', async () => {
    await store.create('tenant_b', definition('first_of_b'), 'test');
    await store.create('tenant_b', definition('second_of_b'), 'test');
    const names = (await store.list('tenant_b')).map((listed) => listed.definition.name);
    expect(names).toEqual(['first_of_b', 'second_of_b']);
  });

  it('refuses a name already used in the tenant with 409, on create and rename', async () => {
    await store.create('tenant_a', definition('unique_name'), 'test');
    const duplicate = await rejection(store.create('tenant_a', definition('unique_name'), 'test'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.code).toBe('conflict');
    expect(duplicate.details.map((issue) => issue.path)).toEqual(['/name']);
    const other = await store.create('tenant_b', definition('unique_name'), 'test');
    expect(other.action.definition.name).toBe('unique_name');
    const { action } = await store.create('tenant_a', definition('renamed_later'), 'test');
    const rename = await rejection(store.update('tenant_a', action.id, { name: 'unique_name' }, 'test'));
    expect(rename.status).toBe(409);
    expect((await store.get('tenant_a', action.id)).definition.name).toBe('renamed_later');
  });

  it('enforces the tenant’s max_actions limit', async () => {
    await store.create('tenant_small', definition('small_one'), 'test');
    await store.create('tenant_small', definition('small_two'), 'test');
    const error = await rejection(store.create('tenant_small', definition('small_three'), 'test'));
    expect(error.code).toBe('limit_reached');
    expect(error.status).toBe(422);
    // The message says how to get more, not only that there are no more.
    expect(error.message).toMatch(
      /at most 2 actions \(its limit\); delete one, or an admin can raise the limit/,
    );
    expect(await store.list('tenant_small')).toHaveLength(2);
  });

  it('holds the limit and unique names when creates race', async () => {
    const racing = await Promise.allSettled(
      [0, 1, 2, 3, 4].map((n) => store.create('tenant_race', definition(`race_${n}`), 'test')),
    );
    const refused = racing.filter((result) => result.status === 'rejected');
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    for (const result of refused) expect((result.reason as ToolgateError).code).toBe('limit_reached');
    await store.remove('tenant_race', (await store.list('tenant_race'))[0]?.id as string, 'test');
    await store.remove('tenant_race', (await store.list('tenant_race'))[0]?.id as string, 'test');
    const sameName = await Promise.allSettled(
      [0, 1, 2].map(() => store.create('tenant_race', definition('same_name'), 'test')),
    );
    expect(sameName.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of sameName.filter((settled) => settled.status === 'rejected'))
      expect((result.reason as ToolgateError).code).toBe('conflict');
    expect(await store.list('tenant_race')).toHaveLength(2);
  });

  it('answers 404 for an unknown tenant', async () => {
    const error = await rejection(store.create('tenant_missing', definition('orphan'), 'test'));
    expect(error.status).toBe(404);
  });

  it('reports every validation problem at once, and stores nothing', async () => {
    const before = (await store.list('tenant_a')).length;
    const error = await rejection(
      store.create(
        'tenant_a',
        {
          name: 'Not A Valid Name',
          description: '',
          url: 'ftp://api.example.com/orders',
          timeoutMs: 5,
          auth: { type: 'bearer' },
        },
        'test',
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(422);
    const paths = error.details.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/name', '/description', '/url', '/timeoutMs', '/auth/token']),
    );
    expect(await store.list('tenant_a')).toHaveLength(before);
  });

  it('refuses a URL whose host resolves to a private address', async () => {
    const guarded = createActionStore({ db: opened.db, box, checkUrl: resolvingTo(['10.0.0.1']) });
    const error = await rejection(guarded.create('tenant_a', definition('private_target'), 'test'));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([{ path: '/url', message: expect.stringContaining('address_denied') }]);
    const names = (await store.list('tenant_a')).map((listed) => listed.definition.name);
    expect(names).not.toContain('private_target');
    const { action } = await store.create('tenant_a', definition('moves_private'), 'test');
    const update = await rejection(
      guarded.update('tenant_a', action.id, { url: 'https://internal.example.com/' }, 'test'),
    );
    expect(update.details.map((issue) => issue.path)).toEqual(['/url']);
    expect((await store.get('tenant_a', action.id)).definition.url).toBe('https://api.example.com/orders');
  });

  it('accepts a host that does not resolve yet (calls check again)', async () => {
    const unresolvable = createActionStore({
      db: opened.db,
      box,
      checkUrl: (url) =>
        checkTarget(url, {
          resolve: async () => {
            throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
          },
        }),
    });
    const { action } = await unresolvable.create('tenant_a', definition('not_resolved_yet'), 'test');
    expect(action.definition.url).toBe('https://api.example.com/orders');
  });

  it('refuses a literal private address and a non-https URL before resolving', async () => {
    const literal = await rejection(
      store.create('tenant_a', definition('literal_private', { url: 'https://127.0.0.1/x' }), 'test'),
    );
    expect(literal.code).toBe('validation_failed');
    expect(literal.details.map((issue) => issue.path)).toContain('/url');
  });
});
