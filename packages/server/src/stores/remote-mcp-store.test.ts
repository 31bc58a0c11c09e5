import { checkTarget, NotFoundError, ValidationError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../secrets/secret-box.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { createRemoteMcpStore, type RemoteMcpStore } from './remote-mcp-store.js';
import { createTenantStore } from './tenant-store.js';

const box = createSecretBox([Buffer.alloc(32, 7)]);
/** Pure classification: names resolve to these answers, nothing is connected. */
const resolve = async (host: string) => (host === 'internal.example.com' ? ['10.0.0.5'] : ['93.184.216.34']);
const checkUrl = (url: string) => checkTarget(url, { resolve });
const SECRET = 'Bearer planted-remote-mcp-secret-5d1e';
const AGENT_A = `agt_${'a'.repeat(32)}`;
const AGENT_B = `agt_${'b'.repeat(32)}`;

describeEachEngine('the remote MCP server store on $engine', (engine) => {
  let opened: OpenDatabase;
  let store: RemoteMcpStore;
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    const tenants = createTenantStore(opened.db);
    await tenants.create({ id: 'tenant_a', name: 'A' });
    await tenants.create({ id: 'tenant_b', name: 'B' });
    for (const [id, tenant] of [
      [AGENT_A, 'tenant_a'],
      [AGENT_B, 'tenant_b'],
    ] as const) {
      await opened.db
        .insertInto('agents')
        .values({
          id,
          tenant_id: tenant,
          name: id,
          settings: JSON.stringify({}),
          model_key: null,
          signing_secret: 'unused',
          previous_signing_secret: null,
          previous_signing_secret_expires_at: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute();
    }
    store = createRemoteMcpStore({ db: opened.db, box, checkUrl });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('stores a server with its secret sealed, and never shows it', async () => {
    const view = await store.create(
      'tenant_a',
      AGENT_A,
      {
        name: 'crm',
        url: 'https://mcp.example.com/mcp',
        auth: { type: 'header', name: 'Authorization', value: SECRET },
      },
      'test',
    );
    expect(view).toMatchObject({
      name: 'crm',
      auth: { type: 'header', name: 'Authorization', value: { set: true } },
    });
    const row = await opened.db.selectFrom('remote_mcp_servers').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('planted-remote-mcp-secret');
    expect(JSON.stringify(await store.list('tenant_a', AGENT_A))).not.toContain('planted-remote-mcp-secret');
    const [server] = await store.enabledFor('tenant_a', AGENT_A);
    expect(server).toMatchObject({ name: 'crm', secret: SECRET, tools: null, timeoutMs: 10_000 });
  });

  it('keeps the secret on a change of the same auth type, and drops it for none', async () => {
    await store.update(
      'tenant_a',
      AGENT_A,
      'crm',
      { auth: { type: 'header', name: 'X-Key' }, tools: ['find'] },
      'test',
    );
    expect((await store.open('tenant_a', AGENT_A, 'crm')).secret).toBe(SECRET);
    await store.update('tenant_a', AGENT_A, 'crm', { auth: { type: 'none' } }, 'test');
    expect(await store.open('tenant_a', AGENT_A, 'crm')).toMatchObject({ secret: null, tools: ['find'] });
  });

  it('refuses a private address, a second server of the same name and another tenant', async () => {
    await expect(
      store.create('tenant_a', AGENT_A, { name: 'inside', url: 'https://internal.example.com/mcp' }, 'test'),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.create('tenant_a', AGENT_A, { name: 'crm', url: 'https://mcp.example.com/mcp' }, 'test'),
    ).rejects.toThrow(/already has an MCP server named crm/);
    await expect(store.get('tenant_b', AGENT_A, 'crm')).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.enabledFor('tenant_b', AGENT_A)).toEqual([]);
  });

  it('leaves a disabled server out of turns, and removes one', async () => {
    await store.update('tenant_a', AGENT_A, 'crm', { enabled: false }, 'test');
    expect(await store.enabledFor('tenant_a', AGENT_A)).toEqual([]);
    await store.remove('tenant_a', AGENT_A, 'crm', 'test');
    await expect(store.get('tenant_a', AGENT_A, 'crm')).rejects.toBeInstanceOf(NotFoundError);
  });
});
