import { describe, expect, it } from 'vitest';
import type { ParameterSchema } from '../../actions/action-definition.js';
import { inferStringStrategy } from './infer-string-strategy.js';
import { isTimeParameter, timeStyleOf } from './time-parameter.js';

describe('inferStringStrategy', () => {
  it.each<[string, ParameterSchema, string | undefined]>([
    ['time', { type: 'string' }, 'time'],
    ['appointment_time', { type: 'string' }, 'time'],
    ['slot', { type: 'string', description: 'Time of the booking (HH:MM)' }, 'time'],
    ['at', { type: 'string', examples: ['19:30'] }, 'time'],
    ['timezone', { type: 'string' }, undefined],
    ['time_zone', { type: 'string' }, undefined],
    ['date_time', { type: 'string' }, 'date-time'],
    ['phone_number', { type: 'string' }, 'phone'],
    ['mobile', { type: 'string' }, 'phone'],
    ['email_address', { type: 'string' }, 'email'],
    ['e_mail', { type: 'string' }, 'email'],
    ['start_date', { type: 'string' }, 'date'],
    ['dob', { type: 'string' }, 'date'],
    ['customer_name', { type: 'string' }, 'person-name'],
    ['company_name', { type: 'string' }, 'organization'],
    ['order_id', { type: 'string' }, undefined],
    ['notes', { type: 'string' }, undefined],
  ])('%j %j -> %s', (name, schema, expected) => {
    expect(inferStringStrategy(name, schema)).toBe(expected);
  });
});

describe('time parameters', () => {
  it('are not times when the description is about a zone', () => {
    expect(isTimeParameter('zone', { type: 'string', description: 'Time zone of the store' })).toBe(false);
  });

  it('are written as their examples are', () => {
    expect(timeStyleOf({ type: 'string', examples: ['7:30 PM'] })).toBe('12h');
    expect(timeStyleOf({ type: 'string', examples: ['19:30'] })).toBe('24h');
    expect(timeStyleOf({ type: 'string' })).toBe('24h');
  });
});
