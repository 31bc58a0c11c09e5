import { describe, expect, it } from 'vitest';
import type { ParameterSchema } from '../actions/action-definition.js';
import { askFor, politeFailure, readBack, taskOf } from './phrasing.js';
import { askForValue } from './questions.js';

describe('questions as a person asks them', () => {
  it.each([
    ['date', { type: 'string', format: 'date' }, 'What date would you like?'],
    ['appointment_date', { type: 'string', format: 'date' }, 'What appointment date would you like?'],
    ['departure', { type: 'string', format: 'date' }, 'What date would you like for the departure?'],
    ['time', { type: 'string' }, 'What time would you like?'],
    ['start', { type: 'string', format: 'date-time' }, 'What date and time would you like for the start?'],
    ['sku', { type: 'string' }, 'What is the SKU?'],
    ['order_id', { type: 'string' }, 'What is the order ID?'],
    ['email', { type: 'string', format: 'email' }, 'What is your email address?'],
    ['customer_name', { type: 'string' }, 'What is your name?'],
    ['phone', { type: 'string', format: 'phone' }, 'What is your phone number?'],
    [
      'carrier',
      { type: 'string', enum: ['usps', 'ups', 'fedex'] },
      'Which carrier would you like: usps, ups or fedex?',
    ],
    ['party_size', { type: 'integer' }, 'How many people will there be?'],
    ['number_of_guests', { type: 'integer' }, 'How many guests?'],
    ['quantity', { type: 'integer' }, 'How many would you like?'],
    ['newsletter_consent', { type: 'boolean' }, 'Would you like newsletter consent? (yes or no)'],
    ['issue', { type: 'string' }, 'What is the issue?'],
  ] as Array<[string, ParameterSchema, string]>)('%s -> %j', (name, schema, question) => {
    expect(askForValue(name, schema)).toBe(question);
  });

  it('adds a short description as a hint, unless it only repeats the question', () => {
    expect(askFor({ name: 'order_number', description: 'Like ORD-12345.', schema: { type: 'string' } })).toBe(
      'What is the order number? (Like ORD-12345)',
    );
    expect(
      askFor({ name: 'date', description: 'The date.', schema: { type: 'string', format: 'date' } }),
    ).toBe('What date would you like?');
  });
});

describe('what the agent says it does', () => {
  it('says a task label as it is and a thing as getting it', () => {
    expect(taskOf('Check order status')).toBe('check order status');
    expect(taskOf('Order status')).toBe('get the order status');
    expect(taskOf('Store hours')).toBe('get the store hours');
  });

  it('never pastes a thing in as a verb', () => {
    const failure = { kind: 'http_error', message: 'the shop answered 503', expected: false } as const;
    expect(politeFailure('Order status', failure)).toBe(
      "Sorry, I couldn't get the order status right now. Please try again later.",
    );
    expect(
      readBack('Book a table', { party_size: 4, window_seat: true }, { window_seat: { type: 'boolean' } }),
    ).toBe("Just to confirm: I'll book a table with party size: 4, window seat: yes. Shall I go ahead?");
  });
});
