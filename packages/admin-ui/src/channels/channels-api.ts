import { isRecord } from '../actions/json-values';
import type { ApiClient } from '../api/api-client';
import { unexpected } from '../subscriptions/subscription-view';

/** The channel kinds the server accepts (copied from the server's CHANNEL_KINDS). */
export const CHANNEL_KINDS = ['generic', 'twilio_sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type ReplyMode = 'inline' | 'outbound';

/** What the page shows of one inbound channel (`Channel`; never its secret). */
export interface ChannelRow {
  id: string;
  agentId: string;
  name: string;
  kind: ChannelKind;
  replyMode: ReplyMode;
  outboundUrl: string | null;
  inboundPath: string;
  createdAt: string;
}

/** The body of `POST /agents/{id}/channels`. */
export interface ChannelBody {
  name: string;
  kind: ChannelKind;
  replyMode?: ReplyMode;
  outboundUrl?: string | null;
  authToken?: string;
}

const KINDS: readonly string[] = CHANNEL_KINDS;

/** One `Channel`, or `undefined` when it lacks an id, a name, a known kind or an inbound path. */
export function toChannelRow(value: unknown): ChannelRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined;
  if (typeof value.kind !== 'string' || !KINDS.includes(value.kind)) return undefined;
  if (typeof value.inboundPath !== 'string') return undefined;
  return {
    id: value.id,
    agentId: typeof value.agentId === 'string' ? value.agentId : '',
    name: value.name,
    kind: value.kind as ChannelKind,
    replyMode: value.replyMode === 'outbound' ? 'outbound' : 'inline',
    outboundUrl: typeof value.outboundUrl === 'string' ? value.outboundUrl : null,
    inboundPath: value.inboundPath,
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
  };
}

/** The URL to paste into the sending platform: the server's public origin and the inbound path. */
export function inboundUrl(origin: string, row: ChannelRow): string {
  return `${origin.replace(/\/+$/, '')}${row.inboundPath.startsWith('/') ? '' : '/'}${row.inboundPath}`;
}

const base = (agentId: string) => `/agents/${encodeURIComponent(agentId)}/channels`;
const one = (agentId: string, name: string) => `${base(agentId)}/${encodeURIComponent(name)}`;

/** `GET /agents/{id}/channels`. */
export async function listChannels(client: ApiClient, agentId: string): Promise<ChannelRow[]> {
  const answer = await client.request('GET', base(agentId));
  if (!isRecord(answer) || !Array.isArray(answer.channels)) throw unexpected('a list of channels');
  return answer.channels.flatMap((item) => toChannelRow(item) ?? []);
}

/** `POST /agents/{id}/channels`: the channel and, for a generic one, its secret, shown this once. */
export async function createChannel(
  client: ApiClient,
  agentId: string,
  body: ChannelBody,
): Promise<{ channel: ChannelRow; signingSecret?: string }> {
  const answer = await client.request('POST', base(agentId), { body });
  const channel = isRecord(answer) ? toChannelRow(answer.channel) : undefined;
  if (!isRecord(answer) || channel === undefined) throw unexpected('a channel');
  return typeof answer.signingSecret === 'string'
    ? { channel, signingSecret: answer.signingSecret }
    : { channel };
}

/** `POST /agents/{id}/channels/{channel}/secret/rotate` (a Twilio channel sends its new auth token). */
export async function rotateChannelSecret(
  client: ApiClient,
  row: ChannelRow,
  authToken?: string,
): Promise<{ signingSecret?: string; previousValidUntil: string }> {
  const answer = await client.request('POST', `${one(row.agentId, row.name)}/secret/rotate`, {
    body: authToken === undefined ? {} : { authToken },
  });
  if (!isRecord(answer) || typeof answer.previousValidUntil !== 'string') throw unexpected('a secret');
  return typeof answer.signingSecret === 'string'
    ? { signingSecret: answer.signingSecret, previousValidUntil: answer.previousValidUntil }
    : { previousValidUntil: answer.previousValidUntil };
}

/** `DELETE /agents/{id}/channels/{channel}`. */
export async function deleteChannel(client: ApiClient, row: ChannelRow): Promise<void> {
  await client.request('DELETE', one(row.agentId, row.name));
}
