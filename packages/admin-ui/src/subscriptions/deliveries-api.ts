import { isRecord } from '../actions/json-values';
import type { ApiClient } from '../api/api-client';
import {
  type AttemptRow,
  type DeliveryRow,
  toAttemptRows,
  toDeliveryPage,
  toDeliveryRow,
} from '../deliveries/delivery-view';
import { unexpected } from './subscription-view';

const path = (id: string) => `/subscriptions/${encodeURIComponent(id)}`;

/** `GET /subscriptions/{id}/deliveries?status=dead`: a page of the subscription's dead letters. */
export async function listDeadLetters(
  client: ApiClient,
  subscriptionId: string,
  cursor?: string,
): Promise<{ deliveries: DeliveryRow[]; nextCursor: string | null }> {
  const query = { status: 'dead', limit: 50, ...(cursor === undefined ? {} : { cursor }) };
  return toDeliveryPage(await client.request('GET', `${path(subscriptionId)}/deliveries`, { query }));
}

/** `GET /subscriptions/{id}/deliveries/{deliveryId}/attempts`. */
export async function listAttempts(
  client: ApiClient,
  subscriptionId: string,
  deliveryId: string,
): Promise<AttemptRow[]> {
  const where = `${path(subscriptionId)}/deliveries/${encodeURIComponent(deliveryId)}/attempts`;
  return toAttemptRows(await client.request('GET', where));
}

/** `POST /subscriptions/{id}/deliveries/{deliveryId}/replay`: the delivery, queued again. */
export async function replayDelivery(
  client: ApiClient,
  subscriptionId: string,
  deliveryId: string,
): Promise<DeliveryRow> {
  const where = `${path(subscriptionId)}/deliveries/${encodeURIComponent(deliveryId)}/replay`;
  const row = toDeliveryRow(await client.request('POST', where));
  if (row === undefined) throw unexpected('a delivery');
  return row;
}

/** `POST /subscriptions/{id}/replay` for dead letters created in [from, to): how many were replayed. */
export async function replayRange(
  client: ApiClient,
  subscriptionId: string,
  range: { from: string; to: string },
): Promise<number> {
  const answer = await client.request('POST', `${path(subscriptionId)}/replay`, { body: range });
  if (!isRecord(answer) || !Array.isArray(answer.replayed)) throw unexpected('a replay result');
  return answer.replayed.length;
}
