/** The question asked before leaving a page with changes that are not saved. */
export const LEAVE_QUESTION = 'You have unsaved changes. Leave without saving?';

/**
 * Tells whether leaving now for `to` (a path; unknown for a reload or a closed tab) would lose
 * something: `true` asks first.
 */
export type LeaveGuard = (to?: string) => boolean;

/** The parts of a `beforeunload` event the guard uses. */
export interface UnloadEventLike {
  preventDefault(): void;
  returnValue: unknown;
}

export interface LeaveGuards {
  /** Adds a guard (a page with a form); the returned function removes it. */
  add(guard: LeaveGuard): () => void;
  /** True when some guard has something to lose by going to `to`. */
  pending(to?: string): boolean;
  /**
   * True when navigating may go on: nothing to lose, or the operator agreed to `confirm`.
   * Asks at most once, however many guards there are.
   */
  mayLeave(confirm: ((message: string) => boolean) | undefined, to?: string): boolean;
  /** The `beforeunload` listener: asks the browser to show its own prompt when something would be lost. */
  onBeforeUnload(event: UnloadEventLike): void;
}

/** The guards of the pages shown now; the router consults them before every in-app navigation. */
export function createLeaveGuards(): LeaveGuards {
  const guards = new Set<LeaveGuard>();
  const pending = (to?: string) => [...guards].some((guard) => guard(to));
  return {
    add(guard) {
      // A wrapper, so adding the same function twice still removes each once.
      const entry: LeaveGuard = (to) => guard(to);
      guards.add(entry);
      return () => {
        guards.delete(entry);
      };
    },
    pending,
    mayLeave(confirm, to) {
      if (!pending(to)) return true;
      // Without a way to ask (a test, a window without dialogs), leaving goes on.
      return confirm === undefined ? true : confirm(LEAVE_QUESTION);
    },
    onBeforeUnload(event) {
      if (!pending()) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    },
  };
}
