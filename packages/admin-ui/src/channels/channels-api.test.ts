import { describe, expect, it } from 'vitest';
import type { ApiClient, HttpMethod, RequestOptions } from '../api/api-client';
import { createChannel, deleteChannel, inboundUrl, listChannels, rotateChannelSecret } from './channels-api';

function fakeClient(answer: unknown) {
  const sent: { method: HttpMethod; path: string; options: RequestOptions | undefined }[] = [];
  const client: ApiClient = {
    async request(method, path, options) {
      sent.push({ method, path, options });
      return answer;
    },
    async stream() {},
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, sent };
}

const channelJson = {
  id: 'chn_1',
  agentId: 'agt_1',
  name: 'crm',
  kind: 'generic',
  replyMode: 'inline',
  outboundUrl: null,
  inboundPath: '/v1/agents/agt_1/chat/crm',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('the channels API', () => {
  it('creates a generic channel and returns its secret', async () => {
    const { client, sent } = fakeClient({ channel: channelJson, signingSecret: 'whsec_abc' });
    const created = await createChannel(client, 'agt_1', { name: 'crm', kind: 'generic' });
    expect(created.signingSecret).toBe('whsec_abc');
    expect(created.channel.name).toBe('crm');
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/agents/agt_1/channels',
      options: { body: { name: 'crm', kind: 'generic' } },
    });
  });

  it('creates a Twilio channel, which has no secret to show', async () => {
    const { client } = fakeClient({ channel: { ...channelJson, kind: 'twilio_sms' } });
    const created = await createChannel(client, 'agt_1', {
      name: 'sms',
      kind: 'twilio_sms',
      authToken: '0123456789abcdef',
    });
    expect(created).toEqual({ channel: expect.objectContaining({ kind: 'twilio_sms' }) });
  });

  it('lists channels, leaving out unknown kinds, and builds the inbound URL', async () => {
    const { client } = fakeClient({ channels: [channelJson, { ...channelJson, id: 'x', kind: 'fax' }] });
    const rows = await listChannels(client, 'agt_1');
    expect(rows.map((row) => row.id)).toEqual(['chn_1']);
    const [row] = rows;
    if (row === undefined) throw new Error('no row');
    expect(inboundUrl('https://tg.example.com/', row)).toBe(
      'https://tg.example.com/v1/agents/agt_1/chat/crm',
    );
  });

  it('rotates the secret and deletes through the channel routes', async () => {
    const { client, sent } = fakeClient({
      signingSecret: 'whsec_new',
      previousValidUntil: '2026-12-02T10:00:00Z',
    });
    const [row] = await listChannels(fakeClient({ channels: [channelJson] }).client, 'agt_1');
    if (row === undefined) throw new Error('no row');
    expect(await rotateChannelSecret(client, row)).toEqual({
      signingSecret: 'whsec_new',
      previousValidUntil: '2026-12-02T10:00:00Z',
    });
    await deleteChannel(client, row);
    expect(sent.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /agents/agt_1/channels/crm/secret/rotate',
      'DELETE /agents/agt_1/channels/crm',
    ]);
  });

  it('rejects an answer it does not understand', async () => {
    await expect(
      createChannel(fakeClient({}).client, 'agt_1', { name: 'a', kind: 'generic' }),
    ).rejects.toThrow(/does not understand/);
  });
});
