import type { CacheBus } from '../shared/cache-bus.js';

/**
 * Hears that a tenant's actions changed: its id, or `null` when any tenant's may have (notices
 * were lost while the bus reconnected).
 */
export type ActionChangeListener = (tenantId: string | null) => void;

/** The bus cache whose deletes mean "this tenant's actions changed" (the action store's views). */
export const ACTION_VIEWS_CACHE = 'action-views';

/**
 * Tells listeners in this process when a tenant's actions were created, changed or deleted: the
 * action store calls `changed` after each such write commits, and, with a cache bus, another
 * instance's write reaches them through the action views' cache notices (a `delete` keyed by the
 * tenant). A listener that throws is skipped, never the write. MCP sessions use it to send
 * `notifications/tools/list_changed`.
 */
export function createActionChanges(cacheBus?: CacheBus) {
  const listeners = new Set<ActionChangeListener>();
  const tell = (tenantId: string | null) => {
    for (const listener of listeners) {
      try {
        listener(tenantId);
      } catch {
        // A listener's failure is its own.
      }
    }
  };
  cacheBus?.subscribe(
    ACTION_VIEWS_CACHE,
    (notice) => tell(notice.op === 'delete' && notice.key !== undefined ? notice.key : null),
    () => tell(null),
  );
  return {
    /** After a write committed in this process. */
    changed(tenantId: string): void {
      tell(tenantId);
    },
    /** Starts listening; returns the function that stops. */
    subscribe(listener: ActionChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ActionChanges = ReturnType<typeof createActionChanges>;
