import { describe, expect, it } from 'vitest';
import { takeEvents } from './sse-lines';

describe('takeEvents', () => {
  it('returns complete events and keeps the unfinished tail', () => {
    const first = takeEvents('event: message\ndata: {"text":"Let me look"}\n\nevent: done\ndata: {"re');
    expect(first.events).toEqual([{ event: 'message', data: { text: 'Let me look' } }]);
    const second = takeEvents(`${first.rest}ply":"Shipped"}\n\n`);
    expect(second.events).toEqual([{ event: 'done', data: { reply: 'Shipped' } }]);
    expect(second.rest).toBe('');
  });

  it('skips comments and malformed data', () => {
    expect(takeEvents(': ping\n\ndata: {oops\n\ndata: [1]\n\n').events).toEqual([
      { event: 'message', data: [1] },
    ]);
  });
});
