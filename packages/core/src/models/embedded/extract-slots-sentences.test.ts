import { describe, expect, it } from 'vitest';
import { NEW_YORK, schemaOf } from './extract-slots.fixture.js';
import { extractSlots } from './extract-slots.js';

/** A table booking with the day and the time apart. NEW_YORK is Friday 2026-03-20, 06:00. */
const table = schemaOf({
  party_size: { type: 'integer', minimum: 1, maximum: 20 },
  date: { type: 'string', format: 'date' },
  time: { type: 'string', description: 'Time of the booking' },
  name: { type: 'string' },
  phone: { type: 'string', format: 'phone' },
});
const oneBreath = "Table for four on Saturday at 7:30pm, name's Dana, 212 555 0199";

describe('extractSlots: several values in one sentence', () => {
  it('fills party size, date, time, name and phone at once', () => {
    expect(extractSlots(oneBreath, table, NEW_YORK).values).toEqual({
      party_size: 4,
      date: '2026-03-21',
      time: '19:30',
      name: 'Dana',
      phone: '+12125550199',
    });
  });

  it('gives "3pm" to the time field, and the date only the day', () => {
    expect(extractSlots('tomorrow at 3pm for 2', table, NEW_YORK).values).toEqual({
      party_size: 2,
      date: '2026-03-21',
      time: '15:00',
    });
  });

  it('reads a short day name next to a time, and a part of the day said before a bare hour', () => {
    expect(extractSlots('Party of 2, Sat 7pm, Kim Lee, (212) 555-0199', table, NEW_YORK).values).toEqual({
      party_size: 2,
      date: '2026-03-21',
      time: '19:00',
      name: 'Kim Lee',
      phone: '+12125550199',
    });
    expect(extractSlots('a table for six tomorrow night at eight', table, NEW_YORK).values).toEqual({
      party_size: 6,
      date: '2026-03-21',
      time: '20:00',
    });
  });

  it('reads a day of the month said alone', () => {
    expect(extractSlots('we are 5 on the 24th at 6:30', table, NEW_YORK).values).toEqual({
      party_size: 5,
      date: '2026-03-24',
      time: '18:30',
    });
  });

  it('combines the day and the time for an action with only a date-time', () => {
    const when = schemaOf({ when: { type: 'string', format: 'date-time' }, name: { type: 'string' } });
    expect(extractSlots(oneBreath, when, NEW_YORK).values).toEqual({
      when: '2026-03-21T19:30:00-04:00',
      name: 'Dana',
    });
    expect(extractSlots("next Friday, name's Dana, at 7:30pm", when, NEW_YORK).values).toEqual({
      when: '2026-03-27T19:30:00-04:00',
      name: 'Dana',
    });
    expect(extractSlots('next Tuesday, seven thirty pm', when, NEW_YORK).values).toEqual({
      when: '2026-03-24T19:30:00-04:00',
    });
  });

  it.each([
    ['a table for a dozen on Saturday', 12],
    ['half a dozen of us', 6],
    ['a couple of us, Sunday at noon', 2],
    ['party of twenty at 8pm', 20],
    ['we are twelve', 12],
    ['we are about 12 people, around 7 if you can', 12],
    ['3 adults and 2 kids on Saturday', 5],
  ])('reads the party size in %j as %d', (text, expected) => {
    expect(extractSlots(text, table, NEW_YORK).values.party_size).toBe(expected);
  });

  it.each([
    ["name's Dana", 'Dana'],
    ['my name is Dana Reyes', 'Dana Reyes'],
    ['my name is dana reyes and my number is 212 555 0199', 'Dana Reyes'],
    ['Hi, this is Dana calling about a table', 'Dana'],
    ['book it under the name Dana please', 'Dana'],
    ["I'm Dana, table for 2", 'Dana'],
  ])('reads the name in %j as %j', (text, expected) => {
    expect(extractSlots(text, table, NEW_YORK).values.name).toBe(expected);
  });

  it('takes no name without a cue or a list, nor a lower-case word after "this is"', () => {
    expect(extractSlots('this is urgent, table for 2', table, NEW_YORK).values.name).toBeUndefined();
    expect(extractSlots('Great, table for 2', table, NEW_YORK).values.name).toBeUndefined();
    expect(extractSlots('Dana said table for 2', table, NEW_YORK).values.name).toBeUndefined();
  });

  it('splits a full name for first and last name fields', () => {
    const names = schemaOf({ first_name: { type: 'string' }, last_name: { type: 'string' } });
    expect(extractSlots('my name is Dana Reyes', names, NEW_YORK).values).toEqual({
      first_name: 'Dana',
      last_name: 'Reyes',
    });
  });

  it('reads phone, email and time fields by their names when they have no format', () => {
    const contact = schemaOf({
      mobile_number: { type: 'string' },
      email_address: { type: 'string' },
      preferred_time: { type: 'string', examples: ['9:00 AM'] },
    });
    expect(extractSlots('(212) 555-0199, dana@example.com, around 4', contact, NEW_YORK).values).toEqual({
      mobile_number: '+12125550199',
      email_address: 'dana@example.com',
      preferred_time: '4:00 PM',
    });
  });

  it("reads a lead's name, company, email and team size at once", () => {
    const lead = schemaOf({
      name: { type: 'string' },
      email: { type: 'string', format: 'email' },
      company: { type: 'string' },
      team_size: { type: 'integer', minimum: 1 },
    });
    const text =
      "Hi, I'm Sam Ortiz from Blue Finch Labs, we're about 40 people, reach me at sam@bluefinch.io";
    expect(extractSlots(text, lead, NEW_YORK).values).toEqual({
      name: 'Sam Ortiz',
      email: 'sam@bluefinch.io',
      company: 'Blue Finch Labs',
      team_size: 40,
    });
  });

  it('reads an ordinal for a number only when it was asked for', () => {
    const floor = schemaOf({ floor: { type: 'integer' } });
    expect(extractSlots('the third floor', floor, NEW_YORK).values).toEqual({});
    expect(extractSlots('the third', floor, { ...NEW_YORK, only: ['floor'] }).values).toEqual({ floor: 3 });
  });

  it('gives a bare number to the parameter the question named, not to a time also missing', () => {
    const allMissing = { ...NEW_YORK, only: ['party_size', 'date', 'time', 'name', 'phone'] };
    expect(extractSlots('4', table, allMissing).values).toEqual({ party_size: 4 });
    expect(extractSlots('7', table, { ...NEW_YORK, only: ['time', 'name', 'phone'] }).values).toEqual({
      time: '07:00',
    });
  });

  it('takes a time answer when the time was asked for', () => {
    const asked = { ...NEW_YORK, only: ['time'] };
    expect(extractSlots('7', table, asked).values).toEqual({ time: '07:00' });
    expect(extractSlots('half past six', table, asked).values).toEqual({ time: '18:30' });
    expect(extractSlots('whenever suits', table, asked).values).toEqual({ time: 'whenever suits' });
  });
});

describe('extractSlots: spoken forms', () => {
  it('reads a number said in words, and the party size said before it', () => {
    expect(
      extractSlots('table for four, two one two five five five oh one nine nine', table, NEW_YORK).values,
    ).toEqual({ party_size: 4, phone: '+12125550199' });
  });

  it('reads an email said in words', () => {
    const newsletter = schemaOf({ email: { type: 'string', format: 'email' }, consent: { type: 'boolean' } });
    const text = 'sign me up, my email is ella dot stone at gmail dot com, and yes I agree';
    expect(extractSlots(text, newsletter, NEW_YORK).values).toEqual({
      email: 'ella.stone@gmail.com',
      consent: true,
    });
  });
});
