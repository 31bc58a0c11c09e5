import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../stores/audit.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; details?: Array<{ path: string }> } }).error;
}

const paths = (error: { details?: Array<{ path: string }> }) =>
  (error.details ?? []).map((detail) => detail.path);

describe('POST /api/v1/operators', () => {
  it('creates an operator without ever returning the password', async () => {
    const response = await t.call('POST', '/api/v1/operators', {
      body: { email: 'Lee@Example.com', password: 'a sufficiently long secret', scopes: ['webhooks:read'] },
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain('a sufficiently long secret');
    expect(JSON.parse(text)).toMatchObject({
      email: 'lee@example.com',
      scopes: ['webhooks:read'],
      disabledAt: null,
    });
  });

  it('lists every problem of a bad body', async () => {
    const response = await t.call('POST', '/api/v1/operators', {
      body: { email: 'not-an-email', password: 'short', scopes: [] },
    });
    expect(response.status).toBe(422);
    expect(paths(await errorOf(response))).toEqual(
      expect.arrayContaining(['/email', '/password', '/scopes']),
    );
  });

  it('refuses unknown fields, malformed JSON, a duplicate email and an unknown scope', async () => {
    const unknown = await t.call('POST', '/api/v1/operators', {
      body: { email: 'a@example.com', password: 'long enough password', scopes: ['admin'], role: 'owner' },
    });
    expect(unknown.status).toBe(400);
    expect(paths(await errorOf(unknown))).toEqual(['/role']);
    expect((await t.call('POST', '/api/v1/operators', { body: '{"email":' })).status).toBe(400);
    const body = { email: 'dup@example.com', password: 'long enough password', scopes: ['admin'] };
    expect((await t.call('POST', '/api/v1/operators', { body })).status).toBe(201);
    const duplicate = await t.call('POST', '/api/v1/operators', {
      body: { ...body, email: 'DUP@example.com' },
    });
    expect(duplicate.status).toBe(409);
    expect(paths(await errorOf(duplicate))).toEqual(['/email']);
    const badScope = await t.call('POST', '/api/v1/operators', {
      body: { ...body, email: 'x@example.com', scopes: ['root'] },
    });
    expect(badScope.status).toBe(422);
  });

  it('disables an operator (then 404 on a second try) and never lists passwords', async () => {
    const created = (await (
      await t.call('POST', '/api/v1/operators', {
        body: { email: 'temp@example.com', password: 'temporary password 1', scopes: ['chat'] },
      })
    ).json()) as { id: string };
    expect((await t.call('DELETE', `/api/v1/operators/${created.id}`)).status).toBe(200);
    expect((await t.call('DELETE', `/api/v1/operators/${created.id}`)).status).toBe(404);
    const list = await (await t.call('GET', '/api/v1/operators')).text();
    expect(list).not.toMatch(/password|scrypt/i);
  });
});

describe('PATCH /api/v1/operators/{id}', () => {
  const password = 'an operator password';

  async function addOperator(email: string, scopes: string[]) {
    const response = await t.call('POST', '/api/v1/operators', { body: { email, password, scopes } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function signIn(email: string) {
    const login = await t.call('POST', '/api/v1/session', {
      key: '',
      body: { tenant: t.tenantA.id, email, password },
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { key: '', headers: { cookie, 'x-csrf-token': csrfToken } };
  }

  it('replaces the scopes and audits the change (field names only)', async () => {
    const id = await addOperator('scoped@example.com', ['chat']);
    const response = await t.call('PATCH', `/api/v1/operators/${id}`, {
      body: { scopes: ['webhooks:read', 'agents:read'] },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id,
      email: 'scoped@example.com',
      scopes: ['webhooks:read', 'agents:read'],
      disabledAt: null,
    });
    const list = (await (await t.call('GET', '/api/v1/operators')).json()) as {
      operators: Array<{ id: string; scopes: string[] }>;
    };
    expect(list.operators.find((operator) => operator.id === id)?.scopes).toEqual([
      'webhooks:read',
      'agents:read',
    ]);
    const audit = (await (await t.call('GET', '/api/v1/audit')).json()) as {
      entries: Array<{ event: string; targetId: string; fields: string[] }>;
    };
    expect(
      audit.entries.filter((entry) => entry.targetId === id && entry.event === 'operator-updated'),
    ).toEqual([
      expect.objectContaining({ event: 'operator-updated', targetType: 'operator', fields: ['scopes'] }),
    ]);
  });

  it('refuses an unknown scope (422), an unknown field (400), another tenant and a disabled operator (404)', async () => {
    const id = await addOperator('refusals@example.com', ['chat']);
    const badScope = await t.call('PATCH', `/api/v1/operators/${id}`, { body: { scopes: ['root'] } });
    expect(badScope.status).toBe(422);
    expect(paths(await errorOf(badScope))).toEqual([expect.stringMatching(/^\/scopes/)]);
    expect((await t.call('PATCH', `/api/v1/operators/${id}`, { body: { scopes: [] } })).status).toBe(422);
    const unknown = await t.call('PATCH', `/api/v1/operators/${id}`, {
      body: { scopes: ['chat'], email: 'other@example.com' },
    });
    expect(unknown.status).toBe(400);
    expect(paths(await errorOf(unknown))).toEqual(['/email']);
    const elsewhere = await t.call('PATCH', `/api/v1/operators/${id}`, {
      key: t.tenantB.adminKey,
      body: { scopes: ['admin'] },
    });
    expect(elsewhere.status).toBe(404);
    expect((await errorOf(elsewhere)).code).toBe('not_found');
    expect(
      (await t.call('PATCH', '/api/v1/operators/op_unknown', { body: { scopes: ['chat'] } })).status,
    ).toBe(404);
    expect((await t.call('DELETE', `/api/v1/operators/${id}`)).status).toBe(200);
    expect((await t.call('PATCH', `/api/v1/operators/${id}`, { body: { scopes: ['chat'] } })).status).toBe(
      404,
    );
    const list = (await (await t.call('GET', '/api/v1/operators')).json()) as {
      operators: Array<{ id: string; scopes: string[] }>;
    };
    expect(list.operators.find((operator) => operator.id === id)?.scopes).toEqual(['chat']);
  });

  it('refuses an admin removing admin from themselves, but lets them keep it', async () => {
    const id = await addOperator('self-admin@example.com', ['admin']);
    const session = await signIn('self-admin@example.com');
    const demoted = await t.call('PATCH', `/api/v1/operators/${id}`, {
      ...session,
      body: { scopes: ['chat'] },
    });
    expect(demoted.status).toBe(400);
    expect((await errorOf(demoted)).code).toBe('bad_request');
    expect((await t.call('GET', '/api/v1/operators', session)).status).toBe(200);
    const kept = await t.call('PATCH', `/api/v1/operators/${id}`, {
      ...session,
      body: { scopes: ['admin', 'chat'] },
    });
    expect(kept.status).toBe(200);
    // Another admin may take it away.
    expect((await t.call('PATCH', `/api/v1/operators/${id}`, { body: { scopes: ['chat'] } })).status).toBe(
      200,
    );
  });

  it("applies the new scopes to the operator's open session at once", async () => {
    const id = await addOperator('live@example.com', ['chat']);
    const session = await signIn('live@example.com');
    expect((await t.call('GET', '/api/v1/actions', session)).status).toBe(403);
    expect(
      (await t.call('PATCH', `/api/v1/operators/${id}`, { body: { scopes: ['webhooks:read'] } })).status,
    ).toBe(200);
    expect((await t.call('GET', '/api/v1/actions', session)).status).toBe(200);
    expect((await t.call('PATCH', `/api/v1/operators/${id}`, { body: { scopes: ['chat'] } })).status).toBe(
      200,
    );
    expect((await t.call('GET', '/api/v1/actions', session)).status).toBe(403);
  });
});

describe('GET /api/v1/audit', () => {
  it("names each actor for people: the operator's email, the key's name, a deleted operator's id", async () => {
    const created = await t.call('POST', '/api/v1/operators', {
      body: { email: 'auditor@example.com', password: 'a sufficiently long secret', scopes: ['admin'] },
    });
    const operatorId = ((await created.json()) as { id: string }).id;
    const at = new Date();
    const entry = (actor: string, targetId: string) =>
      recordAudit(
        t.database.db,
        { tenantId: t.tenantA.id, actor, event: 'test-event', targetType: 'test', targetId },
        at,
      );
    await entry(`operator:${operatorId}`, 'by-operator');
    await entry('operator:op_gone', 'by-deleted-operator');
    await entry('system', 'by-system');
    // Another tenant's operator is not named here, even by a forged actor.
    const other = await t.call('POST', '/api/v1/operators', {
      key: t.tenantB.adminKey,
      body: { email: 'other-tenant@example.com', password: 'a sufficiently long secret', scopes: ['admin'] },
    });
    await entry(`operator:${((await other.json()) as { id: string }).id}`, 'by-other-tenant');

    const audit = (await (await t.call('GET', '/api/v1/audit')).json()) as {
      entries: Array<{ actor: string; actorLabel: string; targetId: string; event: string }>;
    };
    const labelOf = (targetId: string) =>
      audit.entries.find((item) => item.targetId === targetId)?.actorLabel;
    expect(labelOf('by-operator')).toBe('auditor@example.com');
    expect(labelOf('by-deleted-operator')).toBe('deleted operator (op_gone)');
    expect(labelOf('by-system')).toBe('system');
    expect(labelOf('by-other-tenant')).toMatch(/^deleted operator \(/);
    // The operator's creation was made with the test's admin key: named by the key's name.
    const creation = audit.entries.find(
      (item) => item.event === 'operator-created' && item.targetId === operatorId,
    );
    expect(creation?.actor).toMatch(/^api_key:/);
    expect(creation?.actorLabel).toMatch(/^API key ".+"$/);
  });
});

describe('PATCH /api/v1/tenant', () => {
  it('changes the name and the action limit', async () => {
    const response = await t.call('PATCH', '/api/v1/tenant', { body: { name: 'Acme', maxActions: 25 } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: t.tenantA.id, name: 'Acme', maxActions: 25 });
    expect(await (await t.call('GET', '/api/v1/tenant', { key: t.tenantB.adminKey })).json()).toMatchObject({
      id: t.tenantB.id,
      maxActions: 10,
    });
  });

  it('refuses bad values, unknown fields and callers without admin', async () => {
    const bad = await t.call('PATCH', '/api/v1/tenant', { body: { name: '', maxActions: -1 } });
    expect(bad.status).toBe(422);
    expect(paths(await errorOf(bad))).toEqual(expect.arrayContaining(['/name', '/maxActions']));
    const fraction = await t.call('PATCH', '/api/v1/tenant', { body: { maxActions: 2.5 } });
    expect(fraction.status).toBe(422);
    const unknown = await t.call('PATCH', '/api/v1/tenant', { body: { id: 'tenant_b' } });
    expect(unknown.status).toBe(400);
    expect(paths(await errorOf(unknown))).toEqual(['/id']);
    const { value } = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'manager', scopes: ['webhooks:manage'] },
      'test',
    );
    expect((await t.call('PATCH', '/api/v1/tenant', { key: value, body: { maxActions: 1000 } })).status).toBe(
      403,
    );
  });
});

describe('POST /api/v1/api-keys', () => {
  it('shows the value once, lists the prefix only', async () => {
    const created = (await (
      await t.call('POST', '/api/v1/api-keys', { body: { name: 'ci', scopes: ['webhooks:read'] } })
    ).json()) as { value: string; key: { prefix: string } };
    expect(created.value.startsWith(created.key.prefix)).toBe(true);
    const list = await (await t.call('GET', '/api/v1/api-keys')).text();
    expect(list).not.toContain(created.value);
  });

  it('refuses a missing name, an empty scope list and an unknown field', async () => {
    const bad = await t.call('POST', '/api/v1/api-keys', { body: { scopes: [] } });
    expect(bad.status).toBe(422);
    expect(paths(await errorOf(bad))).toEqual(expect.arrayContaining(['/name', '/scopes']));
    expect(
      (await t.call('POST', '/api/v1/api-keys', { body: { name: 'x', scopes: ['chat'], expires: 1 } }))
        .status,
    ).toBe(400);
  });
});

describe('POST /api/v1/session', () => {
  it('refuses a bad body with the error shape', async () => {
    const missing = await t.call('POST', '/api/v1/session', { key: '', body: { email: 'a@example.com' } });
    expect(missing.status).toBe(422);
    expect(paths(await errorOf(missing))).toEqual(['/password']);
    expect((await t.call('POST', '/api/v1/session', { key: '', body: 'email=a' })).status).toBe(400);
  });
});
