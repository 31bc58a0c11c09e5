import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { classifyReply } from '../../agent/classify-reply.js';
import { continueIntent } from './continue-intent.js';

const table: ActionDefinition = {
  name: 'book_table',
  description: 'Book a table.',
  url: 'https://restaurant.example.com/bookings',
  parameters: {
    type: 'object',
    properties: {
      party_size: { type: 'integer' },
      date: { type: 'string', format: 'date' },
      time: { type: 'string', description: 'Time of the reservation, like 19:30' },
      name: { type: 'string' },
    },
    required: ['party_size', 'date', 'time', 'name'],
  },
};
const refund: ActionDefinition = {
  name: 'request_refund',
  description: 'Refund an order.',
  url: 'https://shop.example.com/refunds',
  parameters: {
    type: 'object',
    properties: { order_number: { type: 'string', pattern: '^ORD-[0-9]{5}$' }, reason: { type: 'string' } },
    required: ['order_number', 'reason'],
  },
};
const options = {
  referenceDate: new Date('2027-03-10T15:00:00Z'),
  timezone: 'America/New_York',
  defaultRegion: 'US',
};
const reply = (text: string, action: ActionDefinition, slots: Record<string, unknown>, freeText = false) =>
  continueIntent(action, { slots }, text, classifyReply(text), freeText, options)?.slots;

describe('continueIntent', () => {
  it('reads a short reply for the question just asked: "4" is the party size, not 4 o’clock', () => {
    expect(reply('4', table, {})).toMatchObject({ party_size: 4 });
    expect(reply('4', table, {})?.time).toBeUndefined();
  });

  it('takes a correction said while another value is asked for, and keeps asking for it', () => {
    const slots = reply('oh, make it April 10 2027, at 8pm', table, { party_size: 2, date: '2027-04-09' });
    expect(slots).toMatchObject({ party_size: 2, date: '2027-04-10', time: '20:00' });
    expect(slots?.name).toBeUndefined();
  });

  it('does not let a free-text answer swallow a correction of another value', () => {
    const slots = reply("sorry, wrong number, it's ORD-24243", refund, { order_number: 'ORD-24242' }, true);
    expect(slots).toEqual({ order_number: 'ORD-24243' });
  });

  it('changes at a read-back only what the correction states', () => {
    const all = { party_size: 4, date: '2027-04-09', time: '19:00', name: 'Dana Lee' };
    expect(reply('actually make it 4pm', table, all)).toEqual({ ...all, time: '16:00' });
    expect(reply("actually we're 5 now", table, all)).toEqual({ ...all, party_size: 5 });
  });
});
