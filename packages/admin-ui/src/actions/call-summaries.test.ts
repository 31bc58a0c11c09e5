import { describe, expect, it } from 'vitest';
import type { ActionRow } from './action-rows';
import { withCallSummaries } from './call-summaries';

const row = (id: string): ActionRow => ({
  id,
  name: id,
  displayName: undefined,
  enabled: true,
  method: 'GET',
  host: 'a.example',
});

describe('withCallSummaries', () => {
  it('joins each action to its calls; an action never called has none; unreadable entries are skipped', () => {
    const rows = withCallSummaries([row('act_a'), row('act_b')], {
      actions: [
        { actionId: 'act_a', callsLast24h: 3, lastCallAt: '2026-11-23T10:00:00.000Z', lastOutcome: 'failed' },
        {
          actionId: 'act_b',
          callsLast24h: 'many',
          lastCallAt: '2026-11-23T10:00:00.000Z',
          lastOutcome: 'ok',
        },
        { actionId: 'act_x', callsLast24h: 1, lastCallAt: '2026-11-23T10:00:00.000Z', lastOutcome: 'ok' },
      ],
    });
    expect(rows.map((entry) => [entry.id, entry.calls])).toEqual([
      ['act_a', { callsLast24h: 3, lastCallAt: '2026-11-23T10:00:00.000Z', lastOutcome: 'failed' }],
      ['act_b', undefined],
    ]);
    expect(withCallSummaries([row('act_a')], { nonsense: true })[0]?.calls).toBeUndefined();
  });
});
