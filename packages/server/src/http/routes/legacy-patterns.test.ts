import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orderStatusAction, type TestApp } from '../../test/test-app.js';

// An action saved before patterns were checked for RE2 may hold a lookahead. It is never run by a
// backtracking engine: every use of it is a clear 422 naming the pattern, never a 500.
let t: TestApp;
let actionId: string;
let agentId: string;

beforeAll(async () => {
  t = await createTestApp({ allowPrivateNetworks: ['127.0.0.0/8'], resolve: async () => ['127.0.0.1'] });
  actionId = (await t.services.actions.create(t.tenantA.id, orderStatusAction(), 'test')).action.id;
  // What an older version stored: written past today's save-time check, straight into the row.
  await sql`update actions set definition = replace(definition::text, '"^ORD-\\\\d+$"', '"^(?=ORD)ORD-\\\\d+$"')::json
    where id = ${actionId}`.execute(t.database.db);
  const stored = await t.services.actions.get(t.tenantA.id, actionId);
  expect(JSON.stringify(stored)).toContain('(?=ORD)');
  agentId = (await t.services.agents.create(t.tenantA.id, { name: 'Shop assistant' }, 'test')).agent.id;
});
afterAll(() => t.close());

describe('an action stored with a pattern RE2 cannot run', () => {
  it('test console: 422 unsupported_pattern naming the pattern, and no 500 in the log', async () => {
    const response = await t.call('POST', `/api/v1/actions/${actionId}/test`, {
      body: { parameters: { order_number: 'ORD-1' }, mode: 'dry_run' },
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; details: Array<{ path: string }> };
    };
    expect(error.code).toBe('unsupported_pattern');
    expect(error.message).toContain('/parameters/properties/order_number/pattern');
    expect(error.details.map((detail) => detail.path)).toEqual([
      '/parameters/properties/order_number/pattern',
    ]);
    expect(t.logText()).not.toContain('"request failed"');
  });

  it('a turn that needs the action is refused whole with the same 422, and the conversation is free again', async () => {
    const started = await t.call('POST', '/api/v1/conversations', { body: { agentId } });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const reply = await t.call('POST', `/api/v1/conversations/${id}/messages`, {
      body: { text: 'Where is order ORD-12345?' },
    });
    expect(reply.status).toBe(422);
    expect(((await reply.json()) as { error: { code: string } }).error.code).toBe('unsupported_pattern');
    expect(t.logText()).not.toContain('"request failed"');
    // Nothing of the turn was kept: the next message is taken (not a 409 "busy").
    const next = await t.call('POST', `/api/v1/conversations/${id}/messages`, { body: { text: 'hello' } });
    expect(next.status).toBe(200);
  });
});
