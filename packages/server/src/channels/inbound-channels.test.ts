import { createHmac } from 'node:crypto';
import { webhookSecretKey } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NewDelivery } from '../deliveries/delivery-types.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { twilioSignature } from './twilio-signature.js';

const PUBLIC_URL = 'https://toolgate.example.com';
const TWILIO_TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

/** Standard Webhooks headers for `body`, signed now (or at `at`, unix seconds). */
function signed(secret: string, body: string, id: string, at = Math.floor(Date.now() / 1000)) {
  const signature = createHmac('sha256', webhookSecretKey(secret))
    .update(`${id}.${at}.${body}`)
    .digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': `v1,${signature}` };
}

describeEachEngine('inbound channels on $engine', (engine) => {
  let t: TestApp;
  let agentId: string;
  let secret: string;
  const queued: NewDelivery[] = [];
  let counter = 0;
  const nextId = () => {
    counter += 1;
    return `msg_${counter}`;
  };

  const post = (path: string, body: string, headers: Record<string, string>) =>
    t.app.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const send = (message: unknown, options: { channel?: string; agent?: string; id?: string } = {}) => {
    const body = JSON.stringify(message);
    const path = `/api/v1/agents/${options.agent ?? agentId}/chat/${options.channel ?? 'web'}`;
    return post(path, body, signed(secret, body, options.id ?? nextId()));
  };

  beforeAll(async () => {
    t = await createTestApp({
      engine,
      publicUrl: PUBLIC_URL,
      enqueue: async (_writer, delivery) => String(queued.push(delivery)),
    });
    const { agent } = await t.services.agents.create(
      t.tenantA.id,
      { name: 'Front desk', greeting: 'Hello!' },
      'test',
    );
    agentId = agent.id;
    const created = await t.call('POST', `/api/v1/agents/${agentId}/channels`, {
      body: { name: 'web', kind: 'generic' },
    });
    expect(created.status).toBe(201);
    const body = await json(created);
    secret = body.signingSecret;
    expect(secret).toMatch(/^whsec_/);
    expect(body.channel.inboundPath).toBe(`/api/v1/agents/${agentId}/chat/web`);
  });
  afterAll(async () => t?.close());

  it('answers inline and keys the conversation by contact', async () => {
    const first = await send({ contactId: 'c-1', text: 'Hi there', metadata: { plan: 'gold' } });
    expect(first.status).toBe(200);
    const one = await json(first);
    expect(one.status).toBe('answered');
    expect(typeof one.reply).toBe('string');
    const again = await json(await send({ contactId: 'c-1', text: 'Me again' }));
    expect(again.conversationId).toBe(one.conversationId);
    const other = await json(await send({ contactId: 'c-2', text: 'Hello' }));
    expect(other.conversationId).not.toBe(one.conversationId);
    const transcript = await json(await t.call('GET', `/api/v1/conversations/${one.conversationId}`));
    expect(transcript.conversation.contactId).toBe('c-1');
    expect(transcript.conversation.metadata).toEqual({ plan: 'gold', channel: 'web' });
    const texts = transcript.messages
      .filter((m: { role: string }) => m.role === 'user')
      .map((m: { text: string }) => m.text);
    expect(texts).toEqual(['Hi there', 'Me again']);
  });

  it('never shows the secret again', async () => {
    const list = await t.call('GET', `/api/v1/agents/${agentId}/channels`);
    expect(JSON.stringify(await json(list))).not.toContain(secret.slice(6, 20));
  });

  it('refuses bad signatures, unknown channels and other tenants alike, without an oracle', async () => {
    const body = JSON.stringify({ contactId: 'c-9', text: 'hi' });
    const path = `/api/v1/agents/${agentId}/chat/web`;
    const wrongSecret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    const bad = await post(path, body, signed(wrongSecret, body, nextId()));
    const changed = await post(path, body.replace('hi', 'ho'), signed(secret, body, nextId()));
    const unknown = await post(`/api/v1/agents/${agentId}/chat/nope`, body, signed(secret, body, nextId()));
    const unknownAgent = await post(
      `/api/v1/agents/agt_${'0'.repeat(32)}/chat/web`,
      body,
      signed(secret, body, nextId()),
    );
    const { agent: other } = await t.services.agents.create(t.tenantB.id, { name: 'Other' }, 'test');
    const otherTenant = await post(
      `/api/v1/agents/${other.id}/chat/web`,
      body,
      signed(secret, body, nextId()),
    );
    const answers = [bad, changed, unknown, unknownAgent, otherTenant];
    const bodies = await Promise.all(answers.map(json));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    const shapes = bodies.map(({ error }) => `${error.code}: ${error.message}`);
    expect(new Set(shapes).size).toBe(1);
  });

  it('refuses missing headers, stale or future timestamps and a replayed webhook-id', async () => {
    const body = JSON.stringify({ contactId: 'c-3', text: 'hi' });
    const path = `/api/v1/agents/${agentId}/chat/web`;
    const { 'webhook-signature': _signature, ...unsigned } = signed(secret, body, nextId());
    const missing = await post(path, body, unsigned);
    expect(missing.status).toBe(401);
    expect((await json(missing)).error.message).toContain('webhook-signature');
    const now = Math.floor(Date.now() / 1000);
    expect((await post(path, body, signed(secret, body, nextId(), now - 301))).status).toBe(401);
    expect((await post(path, body, signed(secret, body, nextId(), now + 301))).status).toBe(401);
    const headers = signed(secret, body, 'msg_replayed');
    expect((await post(path, body, headers)).status).toBe(200);
    const replay = await post(path, body, headers);
    expect(replay.status).toBe(409);
    expect((await json(replay)).error.message).toContain('msg_replayed');
  });

  it('refuses oversize bodies, malformed JSON and wrong fields', async () => {
    const path = `/api/v1/agents/${agentId}/chat/web`;
    const huge = JSON.stringify({ contactId: 'c-4', text: 'x'.repeat(70 * 1024) });
    expect((await post(path, huge, signed(secret, huge, nextId()))).status).toBe(413);
    const broken = '{"contactId": "c-4", "text": ';
    const malformed = await post(path, broken, signed(secret, broken, nextId()));
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.code).toBe('malformed_json');
    const wrong = await send({ contact: 'c-4', text: 'hi' });
    expect(wrong.status).toBe(400);
    expect((await send({ contactId: 'c-4', text: '' })).status).toBe(422);
  });

  it('accepts the previous secret after a rotation', async () => {
    const rotated = await json(await t.call('POST', `/api/v1/agents/${agentId}/channels/web/secret/rotate`));
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    expect((await send({ contactId: 'c-5', text: 'old secret' })).status).toBe(200);
    const previous = secret;
    secret = rotated.signingSecret;
    expect((await send({ contactId: 'c-5', text: 'new secret' })).status).toBe(200);
    expect(previous).not.toBe(secret);
  });

  it('in outbound mode answers 202 and queues the reply as a channel_reply', async () => {
    const created = await t.call('POST', `/api/v1/agents/${agentId}/channels`, {
      body: {
        name: 'relay',
        kind: 'generic',
        replyMode: 'outbound',
        outboundUrl: 'https://relay.example.com/in',
      },
    });
    expect(created.status).toBe(201);
    const relaySecret = (await json(created)).signingSecret as string;
    const body = JSON.stringify({ contactId: 'c-6', text: 'Are you open?' });
    const response = await post(
      `/api/v1/agents/${agentId}/chat/relay`,
      body,
      signed(relaySecret, body, 'msg_out_1'),
    );
    expect(response.status).toBe(202);
    expect((await json(response)).status).toBe('accepted');
    await t.services.background.settled();
    const reply = queued.find((delivery) => delivery.payload.inReplyTo === 'msg_out_1');
    expect(reply?.kind).toBe('channel_reply');
    expect(reply?.tenantId).toBe(t.tenantA.id);
    expect(reply?.payload).toMatchObject({ contactId: 'c-6', text: expect.any(String) });
    expect(JSON.stringify(reply?.payload)).not.toContain(relaySecret.slice(6, 20));
  });

  it('refuses an outbound mode without a URL, or a Twilio channel without its token', async () => {
    const noUrl = await t.call('POST', `/api/v1/agents/${agentId}/channels`, {
      body: { name: 'bad', kind: 'generic', replyMode: 'outbound' },
    });
    expect(noUrl.status).toBe(422);
    expect(JSON.stringify(await json(noUrl))).toContain('/outboundUrl');
    const noToken = await t.call('POST', `/api/v1/agents/${agentId}/channels`, {
      body: { name: 'sms', kind: 'twilio_sms' },
    });
    expect(noToken.status).toBe(422);
  });

  it('answers a signed Twilio SMS webhook with TwiML, once per MessageSid', async () => {
    const created = await t.call('POST', `/api/v1/agents/${agentId}/channels`, {
      body: { name: 'sms', kind: 'twilio_sms', authToken: TWILIO_TOKEN },
    });
    expect(created.status).toBe(201);
    expect((await json(created)).signingSecret).toBeUndefined();
    const path = `/api/v1/agents/${agentId}/chat/sms`;
    const fields: [string, string][] = [
      ['MessageSid', 'SM0001'],
      ['From', '+14155550100'],
      ['To', '+14155550199'],
      ['Body', 'Hi <there> & co'],
    ];
    const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
    const sms = (pairs: [string, string][], signature: string) =>
      t.app.request(path, {
        method: 'POST',
        body: form(pairs),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      });
    // Twilio signs the public URL, not the address this server saw.
    const signature = twilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, fields);
    const answer = await sms(fields, signature);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/xml');
    expect(await answer.text()).toMatch(/^<\?xml[^>]*\?><Response><Message>[^<]+<\/Message><\/Response>$/);
    const replay = await sms(fields, signature);
    expect(await replay.text()).toContain('<Response/>');
    const changed = fields.map(([name, value]): [string, string] => [
      name,
      name === 'Body' ? 'changed' : value,
    ]);
    expect((await sms(changed, signature)).status).toBe(401);
    const seenUrl = twilioSignature(TWILIO_TOKEN, `http://localhost${path}`, fields);
    expect((await sms(fields, seenUrl)).status).toBe(401);
    // A Twilio-signed request to a generic channel is refused like any bad signature.
    const generic = await t.app.request(`/api/v1/agents/${agentId}/chat/web`, {
      method: 'POST',
      body: form(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    });
    expect(generic.status).toBe(401);
  });
});
