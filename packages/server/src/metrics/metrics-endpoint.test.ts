import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orderStatusAction, type TestApp } from '../test/test-app.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let guarded: TestApp;
let off: TestApp;

beforeAll(async () => {
  [guarded, off] = await Promise.all([createTestApp({ metricsToken: TOKEN }), createTestApp()]);
});
afterAll(() => Promise.all([guarded.close(), off.close()]));

async function errorOf(response: Response) {
  return {
    status: response.status,
    ...((await response.json()) as { error: { code: string; message: string } }).error,
  };
}

describe('/metrics access', () => {
  it('is off without TOOLGATE_METRICS_TOKEN, saying how to turn it on', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) {
      expect(await errorOf(await off.app.request('/metrics', { headers }))).toEqual({
        status: 403,
        code: 'forbidden',
        message: expect.stringContaining('set TOOLGATE_METRICS_TOKEN'),
        requestId: expect.any(String),
      });
    }
  });

  it('refuses a missing or wrong token, and an API key, with 401', async () => {
    expect(await errorOf(await guarded.app.request('/metrics'))).toMatchObject({
      status: 401,
      message: expect.stringContaining('Authorization: Bearer'),
    });
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${guarded.tenantA.adminKey}`,
      TOKEN,
      'Bearer ',
    ]) {
      const response = await guarded.app.request('/metrics', { headers: { authorization } });
      expect(await errorOf(response)).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  it('answers the right token with the Prometheus text', async () => {
    const response = await guarded.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('# TYPE toolgate_action_calls_total counter');
  });
});

describe('/metrics labels', () => {
  it('keeps two tenants’ actions of the same name apart by tenant id and action id', async () => {
    const ids: Record<string, string> = {};
    for (const tenant of [guarded.tenantA, guarded.tenantB]) {
      const { action } = await guarded.services.actions.create(tenant.id, orderStatusAction(), 'test');
      ids[tenant.id] = action.id;
      await guarded.services.runner.run(tenant.id, action.id, { order_number: 'bad' }, { trigger: 'test' });
    }
    await guarded.services.runner.run(
      guarded.tenantB.id,
      ids[guarded.tenantB.id] as string,
      {},
      { trigger: 'test' },
    );
    const text = await (
      await guarded.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    const series = (tenantId: string) =>
      `toolgate_action_calls_total{tenant_id="${tenantId}",action_id="${ids[tenantId]}",action="check_order_status",trigger="test",outcome="invalid_arguments"}`;
    expect(text).toContain(`${series(guarded.tenantA.id)} 1\n`);
    expect(text).toContain(`${series(guarded.tenantB.id)} 2\n`);
    expect(text).toContain(
      `toolgate_action_call_duration_seconds_count{tenant_id="${guarded.tenantA.id}",action_id="${ids[guarded.tenantA.id]}"} 1\n`,
    );
  });
});
