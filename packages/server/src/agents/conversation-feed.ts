import type { TurnEvent } from '@toolgate/core';

/** A message the agent added outside a turn (an async call's follow-up). */
export interface FeedMessage {
  reply: string;
  events: TurnEvent[];
}

type Listener = (message: FeedMessage) => void;

/**
 * In-process publish/subscribe of messages added to a conversation outside a turn, for open
 * streams (`GET /conversations/{id}/stream`) on this instance. The transcript stays the source of
 * truth: a client that was not listening reads the message there.
 */
export function createConversationFeed() {
  const listeners = new Map<string, Set<Listener>>();
  const key = (tenantId: string, conversationId: string) => `${tenantId}/${conversationId}`;
  return {
    subscribe(tenantId: string, conversationId: string, listener: Listener): () => void {
      const id = key(tenantId, conversationId);
      const set = listeners.get(id) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(id, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    /** How many open streams listen to one conversation (operations, tests). */
    listeners(tenantId: string, conversationId: string): number {
      return listeners.get(key(tenantId, conversationId))?.size ?? 0;
    },
    publish(tenantId: string, conversationId: string, message: FeedMessage): void {
      for (const listener of listeners.get(key(tenantId, conversationId)) ?? []) listener(message);
    },
  };
}

export type ConversationFeed = ReturnType<typeof createConversationFeed>;
