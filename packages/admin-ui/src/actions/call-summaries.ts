import type { ActionRow } from './action-rows';

/** What the list shows of an action's calls. */
export interface CallSummary {
  callsLast24h: number;
  lastCallAt: string;
  lastOutcome: 'ok' | 'failed';
}

export type ActionListRow = ActionRow & { calls: CallSummary | undefined };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Joins `GET /calls/by-action` (`{ actions: [{ actionId, callsLast24h, lastCallAt, lastOutcome }] }`)
 * onto the list rows; an action never called gets `undefined`, entries it cannot read are skipped.
 */
export function withCallSummaries(rows: readonly ActionRow[], body: unknown): ActionListRow[] {
  const byId = new Map<string, CallSummary>();
  const entries = isRecord(body) && Array.isArray(body.actions) ? body.actions : [];
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.actionId !== 'string') continue;
    const { callsLast24h, lastCallAt, lastOutcome } = entry;
    if (typeof callsLast24h !== 'number' || typeof lastCallAt !== 'string') continue;
    if (lastOutcome !== 'ok' && lastOutcome !== 'failed') continue;
    byId.set(entry.actionId, { callsLast24h, lastCallAt, lastOutcome });
  }
  return rows.map((row) => ({ ...row, calls: byId.get(row.id) }));
}
