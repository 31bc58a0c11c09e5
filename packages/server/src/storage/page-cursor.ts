import { BadRequestError } from '@toolgate/core';
import type { SelectQueryBuilder } from 'kysely';

/** Cursors are opaque to clients: the last row's time and id, so pages never skip or repeat. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new BadRequestError('the cursor is not one this API returned', [
      { path: '/cursor', message: 'pass the nextCursor of the previous page unchanged' },
    ]);
  }
}

/**
 * One page of a newest-first list: rows after the cursor (by `created_at`, then `id`, both
 * descending), at most `limit`, and the cursor of the next page (`null` on the last). The query
 * brings its own table, columns and filters; it must select `created_at` and `id`.
 *
 * @example
 * const { rows, nextCursor } = await newestFirstPage(db.selectFrom('calls').selectAll(), filters.cursor, 50);
 */
export async function newestFirstPage<Row extends { created_at: Date | string; id: string }>(
  // biome-ignore lint/suspicious/noExplicitAny: any table that has created_at and id
  query: SelectQueryBuilder<any, any, Row>,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  let after = query;
  if (cursor !== undefined) {
    const { createdAt, id } = decodeCursor(cursor);
    after = after.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await after
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
  };
}
