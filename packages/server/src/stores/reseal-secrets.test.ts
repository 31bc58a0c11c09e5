import { checkTarget, createNetworkAllowlist } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from '../secrets/secret-box.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { createActionStore } from './action-store.js';
import { createAgentStore } from './agent-store.js';
import { resealSecrets } from './reseal-secrets.js';
import { createTenantStore } from './tenant-store.js';

const K1 = Buffer.alloc(32, 1);
const K2 = Buffer.alloc(32, 2);
const checkUrl = (url: string) => checkTarget(url, { resolve: async () => ['93.184.216.34'] });

const definition = (name: string) => ({
  name,
  description: 'Look up a customer by phone number.',
  url: 'https://crm.example.com/customers',
  headers: { 'X-Crm-Key': `crm-key-of-${name}` },
  auth: { type: 'basic', username: 'toolgate', password: `password-of-${name}` },
});

describeEachEngine('re-sealing secrets on $engine', (engine) => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('moves every secret to the new key, so the old key can be retired', async () => {
    const tenants = createTenantStore(opened.db);
    await tenants.create({ id: 'tenant_a', name: 'A' });
    await tenants.create({ id: 'tenant_b', name: 'B' });
    const oldStore = createActionStore({ db: opened.db, box: createSecretBox([K1]), checkUrl });
    const first = await oldStore.create('tenant_a', definition('crm_lookup'), 'test');
    const second = await oldStore.create('tenant_b', definition('crm_lookup'), 'test');
    const rotated = await oldStore.rotateSigningSecret('tenant_a', first.action.id, 'test');
    const before = {
      first: await oldStore.loadForCall('tenant_a', first.action.id),
      second: await oldStore.loadForCall('tenant_b', second.action.id),
    };
    expect(before.first.signingSecrets).toEqual([rotated.signingSecret, first.signingSecret]);
    const agentsOf = (box: ReturnType<typeof createSecretBox>) =>
      createAgentStore({
        db: opened.db,
        box,
        actions: oldStore,
        checkUrl,
        allowlist: createNetworkAllowlist(),
      });
    const agent = await agentsOf(createSecretBox([K1])).create(
      'tenant_a',
      { name: 'Writer', model: { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-agent-key' } },
      'test',
    );
    const rotatedAgent = await agentsOf(createSecretBox([K1])).rotateSigningSecret(
      'tenant_a',
      agent.agent.id,
      'test',
    );

    const newOnly = createSecretBox([K2]);
    const newStore = createActionStore({ db: opened.db, box: newOnly, checkUrl });
    const unopened = await newStore
      .loadForCall('tenant_a', first.action.id)
      .catch((caught: unknown) => caught);
    expect(unopened).toBeInstanceOf(SecretBoxError);
    expect((unopened as SecretBoxError).code).toBe('unknown_key');

    // first: 2 secrets + signing + previous signing; second: 2 secrets + signing; agent: key + signing + previous.
    expect(await resealSecrets(opened.db, createSecretBox([K2, K1]))).toBe(10);
    const reopened = await agentsOf(newOnly).loadForTurn('tenant_a', agent.agent.id);
    expect(reopened).toMatchObject({
      apiKey: 'sk-agent-key',
      signingSecrets: [rotatedAgent.signingSecret, agent.signingSecret],
    });

    const rows = await opened.db.selectFrom('actions').selectAll().execute();
    for (const row of rows) {
      for (const sealed of [...Object.values(row.secrets), row.signing_secret]) {
        expect(newOnly.keyIdOf(sealed)).toBe(newOnly.currentKeyId);
      }
      if (row.previous_signing_secret !== null)
        expect(newOnly.keyIdOf(row.previous_signing_secret)).toBe(newOnly.currentKeyId);
    }

    const after = {
      first: await newStore.loadForCall('tenant_a', first.action.id),
      second: await newStore.loadForCall('tenant_b', second.action.id),
    };
    expect(after).toEqual(before);
    expect(after.first.definition.headers).toEqual({ 'X-Crm-Key': 'crm-key-of-crm_lookup' });
    expect(after.second.definition.auth).toEqual({
      type: 'basic',
      username: 'toolgate',
      password: 'password-of-crm_lookup',
    });
    expect(after.second.signingSecrets).toEqual([second.signingSecret]);
  });

  it('refuses to re-seal when a stored value does not open, and changes nothing', async () => {
    const rowsBefore = await opened.db.selectFrom('actions').selectAll().orderBy('id').execute();
    const error = await resealSecrets(opened.db, createSecretBox([K1])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SecretBoxError);
    const rowsAfter = await opened.db.selectFrom('actions').selectAll().orderBy('id').execute();
    expect(rowsAfter).toEqual(rowsBefore);
  });

  it('re-sealing again under the same key keeps every value', async () => {
    const box = createSecretBox([K2]);
    const store = createActionStore({ db: opened.db, box, checkUrl });
    const [listed] = await store.list('tenant_a');
    const before = await store.loadForCall('tenant_a', listed?.id as string);
    expect(await resealSecrets(opened.db, box)).toBe(10);
    expect(await store.loadForCall('tenant_a', listed?.id as string)).toEqual(before);
  });
});
