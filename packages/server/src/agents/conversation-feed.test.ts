import type { TurnEvent } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import type { CacheBus, CacheNotice } from '../shared/cache-bus.js';
import { createConversationFeed, type FeedMessage, MAX_FEED_NOTICE_BYTES } from './conversation-feed.js';

/** Two instances' buses joined in memory: what one publishes the other receives (as NOTIFY does). */
function joinedBuses(): [CacheBus, CacheBus, CacheNotice[]] {
  const sent: CacheNotice[] = [];
  const subscribers: Array<Map<string, (notice: CacheNotice) => void>> = [new Map(), new Map()];
  const bus = (self: number): CacheBus => ({
    kind: 'postgres',
    async publish(notice) {
      sent.push(notice);
      // Through the wire and back: a notice is text.
      subscribers[1 - self]?.get(notice.cache)?.(JSON.parse(JSON.stringify(notice)));
    },
    subscribe(cache, apply) {
      subscribers[self]?.set(cache, apply);
    },
    async close() {},
  });
  return [bus(0), bus(1), sent];
}

const event = { type: 'action-result', action: 'check_order_status', ok: true } as unknown as TurnEvent;

describe('the conversation feed across instances', () => {
  it("pushes a follow-up published on A to B's open stream of that conversation only", () => {
    const [busA, busB] = joinedBuses();
    const a = createConversationFeed({ bus: busA });
    const b = createConversationFeed({ bus: busB });
    const onB: FeedMessage[] = [];
    const otherConversation: FeedMessage[] = [];
    b.subscribe('tenant_a', 'cnv_1', (message) => onB.push(message));
    b.subscribe('tenant_a', 'cnv_2', (message) => otherConversation.push(message));
    b.subscribe('tenant_b', 'cnv_1', (message) => otherConversation.push(message));
    a.publish('tenant_a', 'cnv_1', { reply: 'It was delivered.', events: [event] });
    expect(onB).toEqual([{ reply: 'It was delivered.', events: [event] }]);
    expect(otherConversation).toEqual([]);
  });

  it('sends a large message without its events, and one too large for a notice not at all', () => {
    const [busA, busB, sent] = joinedBuses();
    const warnings: string[] = [];
    const logger = { warn: (_fields: unknown, text: string) => warnings.push(text) } as never;
    const a = createConversationFeed({ bus: busA, logger });
    const b = createConversationFeed({ bus: busB });
    const local: FeedMessage[] = [];
    const remote: FeedMessage[] = [];
    a.subscribe('t', 'c', (message) => local.push(message));
    b.subscribe('t', 'c', (message) => remote.push(message));
    const bulky = { ...event, detail: 'x'.repeat(MAX_FEED_NOTICE_BYTES) } as unknown as TurnEvent;
    a.publish('t', 'c', { reply: 'Short reply.', events: [bulky] });
    expect(remote).toEqual([{ reply: 'Short reply.', events: [] }]);
    const huge = 'y'.repeat(MAX_FEED_NOTICE_BYTES);
    a.publish('t', 'c', { reply: huge, events: [] });
    expect(remote).toHaveLength(1);
    expect(local.map((message) => message.reply)).toEqual(['Short reply.', huge]);
    expect(sent.every((notice) => Buffer.byteLength(notice.key ?? '') <= MAX_FEED_NOTICE_BYTES)).toBe(true);
    expect(warnings).toEqual([
      'a follow-up too large to push to other instances; their streams read it from the transcript',
    ]);
  });

  it('ignores notices that are not feed messages', () => {
    const [busA, busB] = joinedBuses();
    const b = createConversationFeed({ bus: busB });
    const remote: FeedMessage[] = [];
    b.subscribe('t', 'c', (message) => remote.push(message));
    for (const key of [
      'not json',
      JSON.stringify({ tenantId: 't', conversationId: 'c' }),
      JSON.stringify([1]),
    ])
      void busA.publish({ cache: 'conversation-feed', op: 'message', key });
    void busA.publish({ cache: 'conversation-feed', op: 'clear' });
    expect(remote).toEqual([]);
  });
});
