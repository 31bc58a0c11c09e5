/** Calls started in the background and not finished yet: shutdown and tests wait for them. */
export interface BackgroundWork {
  add(work: Promise<unknown>): void;
  settled(): Promise<void>;
}

export function createBackgroundWork(): BackgroundWork {
  const running = new Set<Promise<unknown>>();
  return {
    add(work) {
      const tracked = work.finally(() => running.delete(tracked));
      running.add(tracked);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
