import { checkTarget, ToolgateError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../secrets/secret-box.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { type ActionStore, createActionStore } from './action-store.js';
import { createTenantStore } from './tenant-store.js';

const CLIENT_SECRET = 'cs-planted-secret-5e71d2';
const box = createSecretBox([Buffer.alloc(32, 7)]);
/** Pure classification with fixed answers: nothing is resolved or connected. */
const checkUrl = (url: string) =>
  checkTarget(url, {
    resolve: async (hostname) => (hostname === 'id.corp.example.com' ? ['10.0.0.5'] : ['93.184.216.34']),
  });

const oauth2 = {
  type: 'oauth2_client_credentials',
  tokenUrl: 'https://id.example.com/oauth/token',
  clientId: 'shop-app',
  clientSecret: CLIENT_SECRET,
  scopes: ['orders.read'],
  audience: 'https://api.example.com',
};

function definition(name: string, auth: Record<string, unknown> = oauth2) {
  return {
    name,
    description: 'Look up an order by its number.',
    url: 'https://api.example.com/orders',
    auth,
  };
}

describeEachEngine('OAuth2 actions in the store on $engine', (engine) => {
  let opened: OpenDatabase;
  let store: ActionStore;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    await createTenantStore(opened.db).create({ id: 'tenant_a', name: 'A' });
    store = createActionStore({ db: opened.db, box, checkUrl });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('seals the client secret, shows it as set, and opens it for calls', async () => {
    const { action } = await store.create('tenant_a', definition('oauth_sealed'), 'test');
    expect(action.definition.auth).toEqual({ ...oauth2, clientSecret: { set: true } });
    const row = await opened.db
      .selectFrom('actions')
      .selectAll()
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(CLIENT_SECRET);
    expect(Object.keys(row.secrets)).toEqual(['auth/clientSecret']);
    expect(row.secrets['auth/clientSecret']).toMatch(/^v1\./);
    expect((await store.loadForCall('tenant_a', action.id)).definition.auth).toEqual(oauth2);
  });

  it('keeps the stored secret on a PATCH of the same type that leaves it out', async () => {
    const { action } = await store.create('tenant_a', definition('oauth_patch'), 'test');
    const { clientSecret: _left, audience: _dropped, ...withoutSecret } = oauth2;
    await store.update(
      'tenant_a',
      action.id,
      { auth: { ...withoutSecret, scopes: ['orders.write'] } },
      'test',
    );
    expect((await store.loadForCall('tenant_a', action.id)).definition.auth).toEqual({
      ...withoutSecret,
      clientSecret: CLIENT_SECRET,
      scopes: ['orders.write'],
    });
    await store.update('tenant_a', action.id, { auth: { ...oauth2, clientSecret: 'cs-new-secret' } }, 'test');
    const changed = await store.loadForCall('tenant_a', action.id);
    expect(changed.definition.auth).toMatchObject({ clientSecret: 'cs-new-secret' });
  });

  it('needs the secret again when the type changes to OAuth2', async () => {
    const { action } = await store.create(
      'tenant_a',
      definition('oauth_from_bearer', { type: 'bearer', token: 'tok-secret-1' }),
      'test',
    );
    const { clientSecret: _left, ...withoutSecret } = oauth2;
    const error = await store.update('tenant_a', action.id, { auth: withoutSecret }, 'test').catch((e) => e);
    expect(error).toBeInstanceOf(ToolgateError);
    expect((error as ToolgateError & { details: unknown }).details).toEqual([
      { path: '/auth/clientSecret', message: 'is required' },
    ]);
  });

  it('checks the token URL against the outbound policy at save time', async () => {
    const auth = { ...oauth2, tokenUrl: 'https://id.corp.example.com/oauth/token' };
    const error = await store.create('tenant_a', definition('oauth_private', auth), 'test').catch((e) => e);
    expect(error).toBeInstanceOf(ToolgateError);
    const details = (error as ToolgateError & { details: Array<{ path: string; message: string }> }).details;
    expect(details.map((detail) => detail.path)).toEqual(['/auth/tokenUrl']);
    expect(details[0]?.message).toContain('10.0.0.5');
  });
});
