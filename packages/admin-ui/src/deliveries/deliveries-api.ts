import type { ApiClient } from '../api/api-client';
import { unexpected } from '../subscriptions/subscription-view';
import {
  type AttemptRow,
  type DeliveryKind,
  type DeliveryRow,
  type DeliveryStatus,
  toAttemptRows,
  toDeliveryPage,
  toDeliveryRow,
} from './delivery-view';

const path = (id: string) => `/deliveries/${encodeURIComponent(id)}`;

/** `GET /deliveries`: the tenant's queue, newest first, filtered. */
export async function listDeliveries(
  client: ApiClient,
  filters: { status?: DeliveryStatus; kind?: DeliveryKind; cursor?: string },
): Promise<{ deliveries: DeliveryRow[]; nextCursor: string | null }> {
  return toDeliveryPage(
    await client.request('GET', '/deliveries', {
      query: { status: filters.status, kind: filters.kind, cursor: filters.cursor, limit: 50 },
    }),
  );
}

/** `GET /deliveries/{id}/attempts`. */
export async function listAttempts(client: ApiClient, id: string): Promise<AttemptRow[]> {
  return toAttemptRows(await client.request('GET', `${path(id)}/attempts`));
}

/** `POST /deliveries/{id}/replay`: the row queued again, same id. */
export async function replayDelivery(client: ApiClient, id: string): Promise<DeliveryRow> {
  const row = toDeliveryRow(await client.request('POST', `${path(id)}/replay`));
  if (row === undefined) throw unexpected('a delivery');
  return row;
}

/** `POST /deliveries/replay`: every dead delivery created in [from, to); the ids replayed. */
export async function replayRange(client: ApiClient, range: { from: string; to: string }): Promise<string[]> {
  const answer = await client.request('POST', '/deliveries/replay', { body: range });
  const replayed = (answer as { replayed?: unknown } | null)?.replayed;
  if (!Array.isArray(replayed) || replayed.some((id) => typeof id !== 'string')) throw unexpected('a replay');
  return replayed as string[];
}
