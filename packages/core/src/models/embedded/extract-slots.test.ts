import { describe, expect, it } from 'vitest';
import { NEW_YORK, schemaOf } from './extract-slots.fixture.js';
import { extractSlots } from './extract-slots.js';

const email = schemaOf({ email: { type: 'string', format: 'email' } });
const phone = schemaOf({ phone: { type: 'string', format: 'phone' } });
const day = schemaOf({ day: { type: 'string', format: 'date' } });
const when = schemaOf({ when: { type: 'string', format: 'date-time' } });
const orderId = schemaOf({ order_id: { type: 'string', pattern: '^ORD-\\d+$' } });

describe('extractSlots: formats', () => {
  it('finds an email address and lower-cases its domain', () => {
    expect(extractSlots('Reach me at Jane.Doe@Example.COM, thanks!', email, NEW_YORK)).toEqual({
      values: { email: 'Jane.Doe@example.com' },
      evidence: [
        { parameter: 'email', value: 'Jane.Doe@example.com', matched: 'Jane.Doe@Example.COM', kind: 'email' },
      ],
    });
  });

  it.each(['no email here', 'jane@', '@example.com', 'jane@example', 'jane..doe@example.com'])(
    'finds no email in %j',
    (text) => {
      expect(extractSlots(text, email, NEW_YORK).values).toEqual({});
    },
  );

  it.each([
    ['(415) 555-0132', 'US', '+14155550132'],
    ['call me on 415.555.0132 after 5', 'US', '+14155550132'],
    ['my cell is 415 555 0132', 'us', '+14155550132'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['ring 07911 123456 please', 'GB', '+447911123456'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['+1 415 555 0132', 'GB', '+14155550132'],
  ])('reads the phone number in %j (region %s) as %s', (text, defaultRegion, expected) => {
    const result = extractSlots(text, phone, { ...NEW_YORK, defaultRegion });
    expect(result.values).toEqual({ phone: expected });
    expect(result.evidence[0]?.kind).toBe('phone');
  });

  it('does not read a national number of another region', () => {
    expect(extractSlots('020 7946 0958', phone, NEW_YORK).values).toEqual({});
    expect(extractSlots('call 12345', phone, NEW_YORK).values).toEqual({});
  });

  it('refuses an unknown phone region', () => {
    expect(() => extractSlots('415 555 0132', phone, { ...NEW_YORK, defaultRegion: 'XX' })).toThrow(
      RangeError,
    );
  });

  it.each([
    ['tomorrow', '2026-03-21'],
    ['next Friday', '2026-03-27'],
    ['Sunday please', '2026-03-22'],
    ['March 3rd', '2027-03-03'],
    ['on April 2nd', '2026-04-02'],
    ['2026-04-01', '2026-04-01'],
    ['in two weeks', '2026-04-03'],
    ['tomorrow at 3pm', '2026-03-21'],
  ])('reads the date in %j as %s', (text, expected) => {
    const result = extractSlots(text, day, NEW_YORK);
    expect(result.values).toEqual({ day: expected });
    expect(result.evidence[0]?.kind).toBe('date');
  });

  it('reads "tomorrow" in the customer\'s time zone, not in UTC', () => {
    // 22:00 on Friday in New York is already Saturday in UTC.
    const lateFriday = { ...NEW_YORK, referenceDate: new Date('2026-03-21T02:00:00Z') };
    expect(extractSlots('tomorrow', day, lateFriday).values).toEqual({ day: '2026-03-21' });
    expect(extractSlots('tomorrow', day, { ...lateFriday, timezone: 'UTC' }).values).toEqual({
      day: '2026-03-22',
    });
  });

  it.each([
    ['tomorrow at 3pm', 'America/New_York', '2026-03-21T15:00:00-04:00'],
    ['Tomorrow at 3 PM works', 'America/New_York', '2026-03-21T15:00:00-04:00'],
    ['next Friday 10:30am', 'America/New_York', '2026-03-27T10:30:00-04:00'],
    ['tomorrow at noon', 'America/Los_Angeles', '2026-03-21T12:00:00-07:00'],
    ['tomorrow at 3pm', 'Europe/London', '2026-03-21T15:00:00Z'],
    ['April 2 at 3pm', 'Europe/London', '2026-04-02T15:00:00+01:00'],
    ['tomorrow at 3pm', 'UTC', '2026-03-21T15:00:00Z'],
    ['2026-03-25T15:00', 'America/New_York', '2026-03-25T15:00:00-04:00'],
  ])('reads %j in %s as %s', (text, timezone, expected) => {
    const result = extractSlots(text, when, { ...NEW_YORK, timezone });
    expect(result.values).toEqual({ when: expected });
    expect(result.evidence[0]?.kind).toBe('date-time');
  });

  it('uses the offset of the date read, across a daylight saving change', () => {
    const saturdayBeforeChange = { ...NEW_YORK, referenceDate: new Date('2026-03-07T17:00:00Z') };
    expect(extractSlots('tomorrow at 3pm', when, saturdayBeforeChange).values).toEqual({
      when: '2026-03-08T15:00:00-04:00',
    });
    expect(extractSlots('today at 3pm', when, saturdayBeforeChange).values).toEqual({
      when: '2026-03-07T15:00:00-05:00',
    });
  });

  it('takes no date-time from a date alone', () => {
    expect(extractSlots('March 3rd', when, NEW_YORK)).toEqual({ values: {}, evidence: [] });
  });

  it('refuses an unknown time zone', () => {
    expect(() => extractSlots('tomorrow', day, { ...NEW_YORK, timezone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
  });
});

describe('extractSlots: patterns and example shapes', () => {
  it.each([
    ['ORD-12345', 'ORD-12345'],
    ['my order is ord-12345.', 'ORD-12345'],
    ['Ord-7 please', 'ORD-7'],
  ])('finds %j as %s', (text, expected) => {
    const result = extractSlots(text, orderId, NEW_YORK);
    expect(result.values).toEqual({ order_id: expected });
    expect(result.evidence).toEqual([
      { parameter: 'order_id', value: expected, matched: text.match(/ord-\d+/i)?.[0], kind: 'pattern' },
    ]);
  });

  it('ignores tokens only part of which matches', () => {
    expect(extractSlots('XORD-12345 or ORD-12345A or ORD-1-2', orderId, NEW_YORK).values).toEqual({});
  });

  it('writes letters matched by an upper-case class in upper case', () => {
    const code = schemaOf({ code: { type: 'string', pattern: '^[A-Z]{2}\\d{4}$' } });
    expect(extractSlots('the code is ab1234', code, NEW_YORK).values).toEqual({ code: 'AB1234' });
  });

  it('keeps lower-case patterns lower case', () => {
    const sku = schemaOf({ sku: { type: 'string', pattern: '^sku-[a-z]+$' } });
    expect(extractSlots('SKU-Blue', sku, NEW_YORK).values).toEqual({ sku: 'sku-blue' });
  });

  it('respects minLength and maxLength on what a pattern finds', () => {
    const bounded = schemaOf({ order_id: { type: 'string', pattern: '^ORD-\\d+$', minLength: 7 } });
    expect(extractSlots('ORD-12 or ORD-123', bounded, NEW_YORK).values).toEqual({ order_id: 'ORD-123' });
  });

  it('prefers the whole answer to tokens of a loose pattern when asked for it', () => {
    const label = schemaOf({ label: { type: 'string', pattern: '^[A-Za-z ]+$' } });
    const asked = { ...NEW_YORK, only: ['label'] };
    expect(extractSlots("Sure, it's Jane Doe", label, asked).evidence).toEqual([
      { parameter: 'label', value: 'Jane Doe', matched: 'Jane Doe', kind: 'pattern' },
    ]);
    expect(extractSlots('actually it is ORD-2', orderId, { ...NEW_YORK, only: ['order_id'] }).values).toEqual(
      {
        order_id: 'ORD-2',
      },
    );
    const unasked = extractSlots("Sure, it's Jane Doe", label, NEW_YORK);
    expect(unasked.values).toEqual({});
    expect(unasked.evidence.map((item) => [item.value, item.kind])).toEqual([
      ['Sure', 'ambiguous'],
      ['Jane Doe', 'ambiguous'],
    ]);
  });

  it("reads a person's name for a name field whose pattern accepts names", () => {
    const name = schemaOf({ name: { type: 'string', pattern: '^[A-Za-z ]+$' } });
    expect(extractSlots("Sure, it's Jane Doe", name, NEW_YORK).values).toEqual({ name: 'Jane Doe' });
    const shouting = schemaOf({ name: { type: 'string', pattern: '^[A-Z]+$' } });
    expect(extractSlots("Sure, it's Jane Doe", shouting, NEW_YORK).values).toEqual({});
  });

  it('reads "7pm" for a time field whose pattern wants HH:MM', () => {
    const time = schemaOf({ time: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } });
    expect(extractSlots('April 9 at 7pm', time, NEW_YORK).values).toEqual({ time: '19:00' });
    const twelveHour = schemaOf({ time: { type: 'string', pattern: '^\\d{1,2}:\\d{2} (AM|PM)$' } });
    expect(extractSlots('April 9 at 7pm', twelveHour, NEW_YORK).values).toEqual({ time: '7:00 PM' });
  });

  it.each([
    [['ORD-12345'], 'it is ord 77', 'ORD-77'],
    [['ORD-12345'], 'ORD12345', 'ORD-12345'],
    [['ORD-12345', 'INV-9'], 'invoice inv_42', 'INV-42'],
    [['12345'], 'order number 55555', '55555'],
    [['K1A 0B1'], 'postcode h0h 0h0', 'H0H 0H0'],
  ])('with examples %j reads %j as %s', (examples, text, expected) => {
    const reference = schemaOf({ reference: { type: 'string', examples } });
    const result = extractSlots(text, reference, NEW_YORK);
    expect(result.values).toEqual({ reference: expected });
    expect(result.evidence[0]?.kind).toBe('example-shape');
  });

  it('does not take an id shape from a longer word', () => {
    const reference = schemaOf({ reference: { type: 'string', examples: ['ORD-12345'] } });
    expect(extractSlots('order 12345 or ORDER-5', reference, NEW_YORK).values).toEqual({});
  });
});
