import { describe, expect, it } from 'vitest';
import { takeEvents } from '../api/sse-lines';
import { followUpReplies, readStored } from './widget-client';

describe('readStored (the conversation a tab remembers)', () => {
  it('reads the id and the agent name', () => {
    expect(readStored('{"id":"cnv_1","agentName":"Support"}')).toEqual({ id: 'cnv_1', agentName: 'Support' });
  });
  it('takes a bare id, as earlier versions stored it', () => {
    expect(readStored('cnv_1')).toEqual({ id: 'cnv_1' });
  });
  it('forgets nothing stored or something broken', () => {
    expect(readStored(null)).toBeUndefined();
    expect(readStored('{"id":')).toBeUndefined();
    expect(readStored('{"agentName":"Support"}')).toBeUndefined();
  });
});

describe('followUpReplies (what the follow-up stream says)', () => {
  it("takes the agent's replies from message events, nothing from ready or comments", () => {
    const { events } = takeEvents(
      'event: ready\ndata: {"conversationId":"cnv_1"}\n\n: heartbeat\n\n' +
        'event: message\ndata: {"reply":"Yes, 12 are in stock.","events":[]}\n\n' +
        'event: message\ndata: {"reply":""}\n\nevent: message\ndata: {"events":[]}\n\n',
    );
    expect(followUpReplies(events)).toEqual(['Yes, 12 are in stock.']);
  });
});
