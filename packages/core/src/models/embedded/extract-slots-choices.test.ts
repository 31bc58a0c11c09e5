import { describe, expect, it } from 'vitest';
import { NEW_YORK, schemaOf } from './extract-slots.fixture.js';
import { extractSlots } from './extract-slots.js';

const delivery = schemaOf({ speed: { type: 'string', enum: ['standard', 'express', 'next_day'] } });
const synonyms = { speed: { express: ['fast', 'rush'], standard: ['regular', 'normal'] } };
const guests = schemaOf({ guests: { type: 'integer', minimum: 1, maximum: 12 } });
const orderId = schemaOf({ order_id: { type: 'string', pattern: '^ORD-\\d+$' } });

describe('extractSlots: enums', () => {
  it.each([
    ['Express please', 'express', 'enum'],
    ['STANDARD', 'standard', 'enum'],
    ['next day delivery', 'next_day', 'enum'],
    ['rush it', 'express', 'enum-synonym'],
    ['the Normal one', 'standard', 'enum-synonym'],
    ['fast', 'express', 'enum-synonym'],
  ])('reads %j as %s (%s)', (text, expected, kind) => {
    const result = extractSlots(text, delivery, { ...NEW_YORK, synonyms });
    expect(result.values).toEqual({ speed: expected });
    expect(result.evidence[0]?.kind).toBe(kind);
  });

  it.each([
    ["it's coming with the US Postal Service", 'usps'],
    ['the U.S. postal service', 'usps'],
    ['USPS', 'usps'],
    ['Federal Express', 'fedex'],
    ['fed ex', 'fedex'],
    ['United Parcel Service', 'ups'],
  ])('reads the carrier in %j as %s from the built-in lexicon', (text, expected) => {
    const carrier = schemaOf({ carrier: { type: 'string', enum: ['usps', 'ups', 'fedex', 'dhl'] } });
    expect(extractSlots(text, carrier, NEW_YORK).values).toEqual({ carrier: expected });
  });

  it("reads synonyms the parameter's description gives", () => {
    const carrier = schemaOf({
      carrier: { type: 'string', enum: ['rm', 'pf'], description: 'rm (Royal Mail) or pf (Parcelforce)' },
    });
    expect(extractSlots('sent by Royal Mail', carrier, NEW_YORK).values).toEqual({ carrier: 'rm' });
  });

  it('takes the value wanted over the one refused, and the one a self-correction names', () => {
    const carrier = schemaOf({ carrier: { type: 'string', enum: ['usps', 'ups', 'fedex', 'dhl'] } });
    const service = schemaOf({ service: { type: 'string', enum: ['haircut', 'color', 'beard_trim'] } });
    expect(extractSlots('ups... no wait, fedex', carrier, NEW_YORK).values).toEqual({ carrier: 'fedex' });
    expect(extractSlots('actually make it a color, not a haircut', service, NEW_YORK).values).toEqual({
      service: 'color',
    });
  });

  it('matches simple plurals', () => {
    const size = schemaOf({ item: { type: 'string', enum: ['shirt', 'box', 'battery'] } });
    expect(extractSlots('two shirts', size, NEW_YORK).values).toEqual({ item: 'shirt' });
    expect(extractSlots('3 boxes', size, NEW_YORK).values).toEqual({ item: 'box' });
    expect(extractSlots('batteries', size, NEW_YORK).values).toEqual({ item: 'battery' });
  });

  it('does not match inside other words', () => {
    expect(extractSlots('expressly standardized', delivery, NEW_YORK).values).toEqual({});
  });

  it('reports two different values as ambiguous and takes neither', () => {
    expect(extractSlots('express or regular?', delivery, { ...NEW_YORK, synonyms })).toEqual({
      values: {},
      evidence: [
        { parameter: 'speed', value: 'express', matched: 'express', kind: 'ambiguous' },
        { parameter: 'speed', value: 'standard', matched: 'regular', kind: 'ambiguous' },
      ],
    });
  });

  it('is not ambiguous when a value and its synonym agree', () => {
    expect(extractSlots('express, the fast one', delivery, { ...NEW_YORK, synonyms }).values).toEqual({
      speed: 'express',
    });
  });

  it('reads numeric enums from digits and words', () => {
    const nights = schemaOf({ nights: { type: 'integer', enum: [1, 2, 7] } });
    expect(extractSlots('seven', nights, NEW_YORK).values).toEqual({ nights: 7 });
    expect(extractSlots('3 nights', nights, NEW_YORK).values).toEqual({});
  });
});

describe('extractSlots: numbers and booleans', () => {
  it.each([
    ['3', 3],
    ['three', 3],
    ['Table for TWELVE', 12],
    ['we are 4.', 4],
  ])('reads %j as %d', (text, expected) => {
    expect(extractSlots(text, guests, NEW_YORK).values).toEqual({ guests: expected });
  });

  it('reads decimals for numbers, not for integers', () => {
    const amount = schemaOf({ amount: { type: 'number' } });
    expect(extractSlots('3.5 kg', amount, NEW_YORK).values).toEqual({ amount: 3.5 });
    expect(extractSlots('3.5', guests, NEW_YORK).values).toEqual({});
  });

  it('keeps to minimum and maximum', () => {
    expect(extractSlots('0', guests, NEW_YORK).values).toEqual({});
    expect(extractSlots('20 people', guests, NEW_YORK).values).toEqual({});
    expect(extractSlots('20 or 4', guests, NEW_YORK).values).toEqual({ guests: 4 });
  });

  it('takes no quantity from dates, times, phone numbers or ids', () => {
    const text = 'ORD-77, March 3rd at 5 pm, call 415 555 0132, for 2';
    expect(extractSlots(text, guests, NEW_YORK).values).toEqual({ guests: 2 });
  });

  it('reports different numbers as ambiguous', () => {
    const result = extractSlots('2 or 3', guests, NEW_YORK);
    expect(result.values).toEqual({});
    expect(result.evidence.map((item) => [item.value, item.kind])).toEqual([
      [2, 'ambiguous'],
      [3, 'ambiguous'],
    ]);
  });

  it.each([
    ['yes', true],
    ['Yep, go ahead', true],
    ['sure!', true],
    ['true', true],
    ['no', false],
    ['Nope.', false],
    ["don't", false],
  ])('reads %j as %s when the boolean was asked for', (text, expected) => {
    const gift = schemaOf({ gift_wrap: { type: 'boolean' } });
    expect(extractSlots(text, gift, { ...NEW_YORK, only: ['gift_wrap'] }).values).toEqual({
      gift_wrap: expected,
    });
  });

  it('reads no boolean unless asked, nor from doubt or mixed answers', () => {
    const gift = schemaOf({ gift_wrap: { type: 'boolean' } });
    const asked = { ...NEW_YORK, only: ['gift_wrap'] };
    expect(extractSlots('yes', gift, NEW_YORK).values).toEqual({});
    expect(extractSlots('not sure', gift, asked).values).toEqual({});
    expect(extractSlots('yes... no', gift, asked).values).toEqual({});
    expect(extractSlots('yes, actually no', gift, asked).values).toEqual({ gift_wrap: false });
  });
});

describe('extractSlots: only, free text and corrections', () => {
  const booking = schemaOf({
    name: { type: 'string' },
    email: { type: 'string', format: 'email' },
    order_id: { type: 'string', pattern: '^ORD-\\d+$' },
  });

  it('leaves a plain string alone unless it was just asked for', () => {
    expect(extractSlots('Jane Doe', booking, NEW_YORK)).toEqual({ values: {}, evidence: [] });
  });

  it.each([
    ['Jane Doe', 'Jane Doe', 'free-text'],
    ["  it's Jane Doe. ", 'Jane Doe', 'person-name'],
    ['My name is Jane Doe', 'Jane Doe', 'person-name'],
    ['sure, Jane', 'Jane', 'person-name'],
    ['Actually, I meant Janet', 'Janet', 'free-text'],
  ])('takes the answer %j as %j (%s) when asked', (text, expected, kind) => {
    const result = extractSlots(text, booking, { ...NEW_YORK, only: ['name'] });
    expect(result).toEqual({
      values: { name: expected },
      evidence: [{ parameter: 'name', value: expected, matched: expected, kind }],
    });
  });

  it('takes nothing from a reply that is only yes, no or cancel', () => {
    for (const text of ['ok', 'never mind', 'no thanks', "I don't know"]) {
      expect(extractSlots(text, booking, { ...NEW_YORK, only: ['name'] }).values).toEqual({});
    }
  });

  it('looks only for the parameters in only', () => {
    const text = 'ORD-5, jane@example.com';
    expect(extractSlots(text, booking, { ...NEW_YORK, only: ['order_id'] }).values).toEqual({
      order_id: 'ORD-5',
    });
    expect(extractSlots(text, booking, NEW_YORK).values).toEqual({
      email: 'jane@example.com',
      order_id: 'ORD-5',
    });
    expect(extractSlots(text, booking, { ...NEW_YORK, only: ['unknown'] }).values).toEqual({});
  });

  it('gives a free-text answer what other asked-for parameters left', () => {
    const result = extractSlots('Jane Doe, jane@example.com', booking, {
      ...NEW_YORK,
      only: ['name', 'email'],
    });
    expect(result.values).toEqual({ name: 'Jane Doe', email: 'jane@example.com' });
  });

  it.each([
    ['actually it is ORD-2', 'ORD-2'],
    ["actually it's ORD-2", 'ORD-2'],
    ["no, it's ord-2", 'ORD-2'],
    ['ORD-1, sorry, I meant ORD-2', 'ORD-2'],
    ['ORD-2? no wait, ORD-1... actually ORD-2', 'ORD-2'],
  ])('extracts the corrected value from %j', (text, expected) => {
    expect(extractSlots(text, orderId, NEW_YORK).values).toEqual({ order_id: expected });
    expect(extractSlots(text, orderId, { ...NEW_YORK, only: ['order_id'] }).values).toEqual({
      order_id: expected,
    });
  });

  it('reports two ids without a correction as ambiguous', () => {
    expect(extractSlots('ORD-1 or ORD-2', orderId, NEW_YORK)).toEqual({
      values: {},
      evidence: [
        { parameter: 'order_id', value: 'ORD-1', matched: 'ORD-1', kind: 'ambiguous' },
        { parameter: 'order_id', value: 'ORD-2', matched: 'ORD-2', kind: 'ambiguous' },
      ],
    });
    expect(extractSlots('ORD-1, I mean ORD-2 or ORD-3', orderId, NEW_YORK).values).toEqual({});
  });

  it('takes the same value mentioned twice', () => {
    expect(extractSlots('ORD-4, yes ord-4', orderId, NEW_YORK).values).toEqual({ order_id: 'ORD-4' });
  });
});

describe('extractSlots: one stretch of text, one parameter', () => {
  it('does not read an email again as an id', () => {
    const account = schemaOf({
      username: { type: 'string', pattern: '^[\\w.@+-]{3,}$' },
      email: { type: 'string', format: 'email' },
    });
    expect(extractSlots('jane@example.com', account, NEW_YORK)).toEqual({
      values: { email: 'jane@example.com' },
      evidence: [
        { parameter: 'email', value: 'jane@example.com', matched: 'jane@example.com', kind: 'email' },
      ],
    });
  });

  it('reads each kind of value once, most specific first', () => {
    const everything = schemaOf({
      party: { type: 'integer' },
      order_id: { type: 'string', examples: ['ORD-12345'] },
      speed: { type: 'string', enum: ['standard', 'express'] },
      when: { type: 'string', format: 'date-time' },
      phone: { type: 'string', format: 'phone' },
      email: { type: 'string', format: 'email' },
    });
    const text = 'ord 991 express for two, tomorrow at 3pm; 020 7946 0958 or me@x.co.uk';
    expect(extractSlots(text, everything, { ...NEW_YORK, defaultRegion: 'GB' }).values).toEqual({
      party: 2,
      order_id: 'ORD-991',
      speed: 'express',
      when: '2026-03-21T15:00:00-04:00',
      phone: '+442079460958',
      email: 'me@x.co.uk',
    });
  });

  it('gives a second parameter of the same kind nothing rather than the same value', () => {
    const contacts = schemaOf({
      email: { type: 'string', format: 'email' },
      backup: { type: 'string', format: 'email' },
    });
    expect(extractSlots('a@b.io', contacts, NEW_YORK).values).toEqual({ email: 'a@b.io' });
  });
});
