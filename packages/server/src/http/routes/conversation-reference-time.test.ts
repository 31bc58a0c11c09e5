import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';
import { orderStatusAction } from '../../test/test-app.js';

let f: ConversationFixture;
beforeAll(async () => {
  f = await startConversationFixture();
  await f.t.services.actions.create(
    f.t.tenantA.id,
    orderStatusAction({
      name: 'book_table',
      displayName: 'Book a table',
      description: 'Book a table at the restaurant for a date.',
      url: `https://orders.example.com:${f.shop.port}/hook`,
      method: 'POST',
      parameters: {
        type: 'object',
        properties: { date: { type: 'string', format: 'date', description: 'The day of the booking' } },
        required: ['date'],
      },
      conversation: { confirmation: 'never' },
    }),
    'test',
  );
});
afterAll(() => f.close());

async function start(body: Record<string, unknown>) {
  const response = await f.t.call('POST', '/api/v1/conversations', { body: { agentId: f.agentId, ...body } });
  return { status: response.status, body: await json(response) };
}

describe("a conversation's reference time", () => {
  it('reads "next Friday" from the reference time in every turn, so a transcript replays the same', async () => {
    // Wednesday 2027-03-10: next Friday is 2027-03-12 (the time of the test run does not matter).
    const { body } = await start({ referenceTime: '2027-03-10T09:00:00Z' });
    const before = f.shop.requests.length;
    await f.t.call('POST', `/api/v1/conversations/${body.id}/messages`, {
      body: { text: 'book a table for Friday please' },
    });
    const sent = f.shop.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}').parameters).toEqual({ date: '2027-03-12' });
  });

  it('refuses a reference time that is not a date-time, at its field', async () => {
    const { status, body } = await start({ referenceTime: 'next tuesday' });
    expect(status).toBe(422);
    expect(body.error.details).toContainEqual(expect.objectContaining({ path: '/referenceTime' }));
  });
});
