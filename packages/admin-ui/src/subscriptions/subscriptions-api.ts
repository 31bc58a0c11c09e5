import { isRecord } from '../actions/json-values';
import type { ApiClient } from '../api/api-client';
import type { SubscriptionBody } from './subscription-draft';
import {
  type ShownSecret,
  type SubscriptionRow,
  toSubscriptionRow,
  toSubscriptionRows,
  unexpected,
} from './subscription-view';

const path = (id: string) => `/subscriptions/${encodeURIComponent(id)}`;

function row(value: unknown): SubscriptionRow {
  const parsed = toSubscriptionRow(value);
  if (parsed === undefined) throw unexpected('a subscription');
  return parsed;
}

/** `GET /subscriptions`. */
export async function listSubscriptions(client: ApiClient): Promise<SubscriptionRow[]> {
  return toSubscriptionRows(await client.request('GET', '/subscriptions'));
}

/** `POST /subscriptions`: the subscription and its signing secret, shown this once. */
export async function createSubscription(client: ApiClient, body: SubscriptionBody): Promise<ShownSecret> {
  const answer = await client.request('POST', '/subscriptions', { body });
  if (!isRecord(answer) || typeof answer.signingSecret !== 'string') throw unexpected('a subscription');
  return { subscription: row(answer.subscription), signingSecret: answer.signingSecret };
}

/** `PATCH /subscriptions/{id}` with every field of the form (an empty description clears it). */
export async function updateSubscription(
  client: ApiClient,
  id: string,
  body: SubscriptionBody,
): Promise<SubscriptionRow> {
  return row(await client.request('PATCH', path(id), { body: { description: null, ...body } }));
}

/** `POST /subscriptions/{id}/pause` or `/resume`. */
export async function setPaused(client: ApiClient, id: string, paused: boolean): Promise<SubscriptionRow> {
  return row(await client.request('POST', `${path(id)}/${paused ? 'pause' : 'resume'}`));
}

/** `POST /subscriptions/{id}/signing-secret/rotate`. */
export async function rotateSecret(client: ApiClient, subscription: SubscriptionRow): Promise<ShownSecret> {
  const answer = await client.request('POST', `${path(subscription.id)}/signing-secret/rotate`);
  if (!isRecord(answer) || typeof answer.signingSecret !== 'string') throw unexpected('a secret');
  return {
    subscription,
    signingSecret: answer.signingSecret,
    ...(typeof answer.previousValidUntil === 'string'
      ? { previousValidUntil: answer.previousValidUntil }
      : {}),
  };
}

/** `POST /subscriptions/{id}/test`: the id of the test event's delivery. */
export async function sendTestEvent(client: ApiClient, id: string): Promise<string> {
  const answer = await client.request('POST', `${path(id)}/test`);
  if (!isRecord(answer) || typeof answer.deliveryId !== 'string') throw unexpected('a delivery');
  return answer.deliveryId;
}

/** `DELETE /subscriptions/{id}`. */
export async function deleteSubscription(client: ApiClient, id: string): Promise<void> {
  await client.request('DELETE', path(id));
}
