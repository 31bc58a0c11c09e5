import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';
import { orderStatusAction } from '../../test/test-app.js';

/**
 * Issue 11, "Also": a widget key is public, so an action that asks for confirmation must not be one
 * event away from it. Through a widget key, an event can only confirm what the agent proposed in
 * that conversation (by id, with the agent's parameters), unless the operator allowed direct
 * widget events for the action.
 */
const SHOP = 'https://shop.example.com';
let f: ConversationFixture;
let widgetKey: string;

beforeAll(async () => {
  f = await startConversationFixture();
  const base = `https://orders.example.com:${f.shop.port}`;
  for (const [name, allowDirectWidgetEvents] of [
    ['close_account', false],
    ['refund_order', true],
  ] as const) {
    await f.t.services.actions.create(
      f.t.tenantA.id,
      orderStatusAction({
        name,
        displayName: name.replace('_', ' '),
        description: `The ${name.replace('_', ' ')} action, destructive.`,
        url: `${base}/cancel`,
        method: 'POST',
        conversation: {
          confirmation: 'always',
          ...(allowDirectWidgetEvents ? { allowDirectWidgetEvents } : {}),
        },
      }),
      'test',
    );
  }
  const created = await json(
    await f.t.call('POST', '/api/v1/api-keys', {
      body: { name: 'shop widget', scopes: ['chat'], widget: { agentId: f.agentId, origins: [SHOP] } },
    }),
  );
  widgetKey = created.value;
});
afterAll(() => f.close());

const asWidget = (path: string, body: unknown) =>
  f.t.call('POST', `/api/v1${path}`, { key: widgetKey, body, headers: { origin: SHOP } });
const startConversation = async () =>
  (await json(await asWidget('/conversations', { agentId: f.agentId }))).id as string;
const fire = (id: string, body: Record<string, unknown>) =>
  asWidget(`/conversations/${id}/events`, { type: 'button_click', ...body });
const cancels = () => f.shop.requests.filter((request) => request.url === '/cancel').length;

describe('widget events on actions that ask for confirmation', () => {
  it.each([
    ['close_account', 'confirmation: always'],
    ['cancel_order', 'confirmation: auto, a POST'],
  ])('a direct event on %s (%s) is refused with 403 and the endpoint sees nothing', async (action) => {
    const id = await startConversation();
    const before = cancels();
    const response = await fire(id, { action, parameters: { order_number: 'ORD-66' } });
    expect(response.status).toBe(403);
    const { error } = await json(response);
    expect(error.code).toBe('widget_confirmation_required');
    expect(error.message).toContain(`${action} asks for confirmation`);
    expect(error.message).toContain('allowDirectWidgetEvents');
    expect(error.details[0].path).toBe('/confirmationId');
    expect(cancels()).toBe(before);
    // Refused before anything is validated or recorded: no call in the log, nothing in the transcript.
    const calls = await f.t.call('GET', `/api/v1/calls?conversation=${id}`);
    expect(calls.status).toBe(200);
    expect((await json(calls)).calls).toEqual([]);
    const transcript = await json(await f.t.call('GET', `/api/v1/conversations/${id}`));
    expect(transcript.messages.some((message: { role: string }) => message.role === 'event')).toBe(false);
  });

  it('confirms the call the agent proposed, by id, with the parameters the agent read back', async () => {
    const id = await startConversation();
    const asked = await json(
      await asWidget(`/conversations/${id}/messages`, { text: 'Please cancel my order ORD-777' }),
    );
    const proposal = asked.events.find((event: { type: string }) => event.type === 'approval-requested');
    expect(proposal).toMatchObject({
      action: 'cancel_order',
      arguments: { order_number: 'ORD-777' },
      confirmationId: expect.stringMatching(/^conf_/),
    });
    const before = cancels();

    // A visitor cannot swap the parameters, nor guess another id.
    const swapped = await fire(id, {
      action: 'cancel_order',
      confirmationId: proposal.confirmationId,
      parameters: { order_number: 'ORD-1' },
    });
    expect(swapped.status).toBe(409);
    expect((await json(swapped)).error).toMatchObject({
      code: 'confirmation_mismatch',
      details: [{ path: '/parameters', message: 'differ from the confirmed call' }],
    });
    const guessed = await fire(id, { action: 'cancel_order', confirmationId: 'conf_guess' });
    expect(guessed.status).toBe(409);
    expect((await json(guessed)).error.message).toContain('there is no pending confirmation conf_guess');
    const otherAction = await fire(id, { action: 'close_account', confirmationId: proposal.confirmationId });
    expect(otherAction.status).toBe(409);
    expect(cancels()).toBe(before);

    const confirmed = await fire(id, { action: 'cancel_order', confirmationId: proposal.confirmationId });
    expect(confirmed.status).toBe(200);
    expect(await json(confirmed)).toMatchObject({
      outcome: 'ok',
      result: { ok: true, message: 'Order ORD-777 is cancelled.' },
    });
    expect(cancels()).toBe(before + 1);
    expect(JSON.parse(f.shop.requests.at(-1)?.body ?? '{}').parameters).toEqual({ order_number: 'ORD-777' });

    // The confirmation is used up: the same event again is refused, nothing sent.
    const again = await fire(id, { action: 'cancel_order', confirmationId: proposal.confirmationId });
    expect(again.status).toBe(409);
    expect(cancels()).toBe(before + 1);
  });

  it('a later message replaces the proposal: its id no longer confirms anything', async () => {
    const id = await startConversation();
    const asked = await json(
      await asWidget(`/conversations/${id}/messages`, { text: 'Please cancel my order ORD-778' }),
    );
    const { confirmationId } = asked.events.find(
      (event: { type: string }) => event.type === 'approval-requested',
    );
    await asWidget(`/conversations/${id}/messages`, { text: 'Where is order ORD-12345?' });
    const before = cancels();
    const late = await fire(id, { action: 'cancel_order', confirmationId });
    expect(late.status).toBe(409);
    expect(cancels()).toBe(before);
  });

  it('runs directly when the operator allowed direct widget events, or the action does not ask', async () => {
    const id = await startConversation();
    const before = cancels();
    const refund = await fire(id, { action: 'refund_order', parameters: { order_number: 'ORD-5' } });
    expect(refund.status).toBe(200);
    expect((await json(refund)).outcome).toBe('ok');
    expect(cancels()).toBe(before + 1);
    const lookup = await fire(id, { action: 'check_order_status', parameters: { order_number: 'ORD-9' } });
    expect(lookup.status).toBe(200);
  });

  it("a business's own key (not a widget key) still calls directly", async () => {
    const id = (await json(await f.t.call('POST', '/api/v1/conversations', { body: { agentId: f.agentId } })))
      .id;
    const response = await f.t.call('POST', `/api/v1/conversations/${id}/events`, {
      body: { type: 'manual', action: 'close_account', parameters: { order_number: 'ORD-8' } },
    });
    expect(response.status).toBe(200);
  });

  it('allowDirectWidgetEvents must be a boolean', async () => {
    const response = await f.t.call('POST', '/api/v1/actions', {
      body: orderStatusAction({ name: 'bad_flag', conversation: { allowDirectWidgetEvents: 'yes' } }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(await json(response))).toContain('/conversation/allowDirectWidgetEvents');
  });
});
