import type { TurnEvent } from '@toolgate/core';
import type { Logger } from 'pino';
import type { CacheBus } from '../shared/cache-bus.js';

/** A message the agent added outside a turn (an async call's follow-up). */
export interface FeedMessage {
  reply: string;
  events: TurnEvent[];
}

type Listener = (message: FeedMessage) => void;

/** The bus name the feed's notices travel under. */
export const FEED_NOTICE_NAME = 'conversation-feed';
/** A notice stays under PostgreSQL's NOTIFY limit (8,000 bytes) with room for the envelope. */
export const MAX_FEED_NOTICE_BYTES = 7_000;

interface FeedNotice {
  tenantId: string;
  conversationId: string;
  message: FeedMessage;
}

/**
 * Publish/subscribe of messages added to a conversation outside a turn, for open streams
 * (`GET /conversations/{id}/stream`). With a `bus` (a fleet), a message published on one instance
 * reaches the streams open on every other: the follow-up of a callback that landed on A is pushed
 * to the widget connected to B. A message too large for a notice goes without its events, and
 * one whose text alone is too large is not pushed across (logged): the transcript stays the source
 * of truth, and a client that was not listening reads the message there.
 */
export function createConversationFeed(options: { bus?: CacheBus; logger?: Logger } = {}) {
  const listeners = new Map<string, Set<Listener>>();
  const key = (tenantId: string, conversationId: string) => `${tenantId}/${conversationId}`;
  const deliver = (tenantId: string, conversationId: string, message: FeedMessage) => {
    for (const listener of listeners.get(key(tenantId, conversationId)) ?? []) listener(message);
  };

  options.bus?.subscribe(
    FEED_NOTICE_NAME,
    (notice) => {
      if (notice.op !== 'message' || notice.key === undefined) return;
      let news: FeedNotice;
      try {
        news = JSON.parse(notice.key) as FeedNotice;
      } catch {
        return;
      }
      if (typeof news.tenantId !== 'string' || typeof news.conversationId !== 'string') return;
      if (typeof news.message?.reply !== 'string') return;
      deliver(news.tenantId, news.conversationId, {
        reply: news.message.reply,
        events: Array.isArray(news.message.events) ? news.message.events : [],
      });
    },
    () => {},
  );

  /** The notice for other instances: whole, else without its events, else none. */
  function noticeOf(tenantId: string, conversationId: string, message: FeedMessage): string | undefined {
    for (const candidate of [message, { reply: message.reply, events: [] }]) {
      const text = JSON.stringify({ tenantId, conversationId, message: candidate } satisfies FeedNotice);
      if (Buffer.byteLength(text) <= MAX_FEED_NOTICE_BYTES) return text;
    }
    return undefined;
  }

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
    /** How many open streams listen to one conversation on this instance (operations, tests). */
    listeners(tenantId: string, conversationId: string): number {
      return listeners.get(key(tenantId, conversationId))?.size ?? 0;
    },
    publish(tenantId: string, conversationId: string, message: FeedMessage): void {
      deliver(tenantId, conversationId, message);
      const bus = options.bus;
      if (!bus || bus.kind === 'local') return;
      const text = noticeOf(tenantId, conversationId, message);
      if (text === undefined) {
        options.logger?.warn(
          { tenantId, conversationId, replyChars: message.reply.length },
          'a follow-up too large to push to other instances; their streams read it from the transcript',
        );
        return;
      }
      void bus.publish({ cache: FEED_NOTICE_NAME, op: 'message', key: text });
    },
  };
}

export type ConversationFeed = ReturnType<typeof createConversationFeed>;
