import { BadRequestError } from '@toolgate/core';

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
