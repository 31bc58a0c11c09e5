import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { accountInRequest, detailsParameter } from './request-details.js';

const refund: ActionDefinition = {
  name: 'request_refund',
  displayName: 'Request a refund',
  description: 'Refund an order.',
  url: 'https://shop.example.com/refunds',
  method: 'POST',
  parameters: {
    type: 'object',
    properties: {
      order_number: { type: 'string', pattern: '^ORD-[0-9]+$' },
      reason: { type: 'string', description: 'Why the customer wants the refund' },
      name: { type: 'string' },
    },
    required: ['order_number', 'reason'],
  },
};
const ticket: ActionDefinition = {
  ...refund,
  name: 'open_support_ticket',
  displayName: 'Open a support ticket',
  parameters: {
    type: 'object',
    properties: { email: { type: 'string', format: 'email' }, problem: { type: 'string' } },
    required: ['email', 'problem'],
  },
};

describe('detailsParameter', () => {
  it('is the free-text parameter that holds an account: reason, problem, message', () => {
    expect(detailsParameter(refund)).toBe('reason');
    expect(detailsParameter(ticket)).toBe('problem');
    expect(
      detailsParameter({
        ...refund,
        parameters: { type: 'object', properties: { name: { type: 'string' } } },
      }),
    ).toBe(undefined);
  });
});

describe('accountInRequest', () => {
  it('keeps the clauses that are neither the request nor another value', () => {
    expect(accountInRequest('I want a refund for ORD-13579, the jacket arrived torn', refund)).toBe(
      'the jacket arrived torn',
    );
    expect(
      accountInRequest('the shoes were the wrong size, I want my money back for ORD-12121', refund),
    ).toBe('the shoes were the wrong size');
    expect(
      accountInRequest(
        'open a ticket: my password reset email never arrives. reply to tom@example.com',
        ticket,
      ),
    ).toBe('my password reset email never arrives');
  });

  it('gives nothing when only the request and its values remain', () => {
    expect(accountInRequest('refund ORD-27182 please', refund)).toBeUndefined();
    expect(accountInRequest('Hi, open a ticket for me@example.com', ticket)).toBeUndefined();
  });
});

describe('accountInRequest: saying there is a problem is not the problem', () => {
  it('gives nothing for "I have a problem"', () => {
    expect(
      accountInRequest('I have a problem, can you open a ticket? sam@example.net', ticket),
    ).toBeUndefined();
  });
});
