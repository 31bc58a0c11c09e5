import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify-reply.js';

const only = (flag: 'yes' | 'no' | 'cancel' | 'correction') => ({
  yes: flag === 'yes',
  no: flag === 'no',
  cancel: flag === 'cancel',
  correction: flag === 'correction',
});
const nothing = { yes: false, no: false, cancel: false, correction: false };

describe('classifyReply', () => {
  it.each([
    'yes',
    'Yes.',
    'YES!',
    'yep',
    'yeah sure',
    'Sure',
    'correct',
    "That's correct",
    'Go ahead',
    'go-ahead',
    'please do',
    'ok',
    'OK!!',
    'okay, thanks',
    'yes please',
    'sounds good',
  ])('reads %j as yes', (text) => {
    expect(classifyReply(text)).toEqual(only('yes'));
  });

  it.each([
    'no',
    'No.',
    'nope',
    'nah',
    "don't",
    'Don’t',
    'dont',
    'do not',
    'not now',
    'No thanks',
    'not right',
    "don't do it",
    'that is incorrect',
  ])('reads %j as no', (text) => {
    expect(classifyReply(text)).toEqual(only('no'));
  });

  it.each([
    'never mind',
    'Nevermind!',
    'cancel',
    'Cancel it please',
    'forget it',
    'Forget about it.',
    'stop',
  ])('reads %j as cancel', (text) => {
    expect(classifyReply(text)).toEqual(only('cancel'));
  });

  it.each([
    'actually ORD-7',
    'Actually, it is the 5th',
    'I meant Friday',
    "sorry, it's ORD-2",
    "Sorry it's ORD-2",
    "no, it's ORD-2",
    "No it's ORD-2",
    'no, I meant ORD-2',
    'nope, its ORD-3',
    'oops, make that three',
  ])('reads %j as a correction, not a no', (text) => {
    expect(classifyReply(text)).toEqual(only('correction'));
  });

  it.each([
    'not sure',
    "I don't know",
    'I dont know',
    'no idea',
    'maybe',
    'hello there',
    '',
    'nobody',
    'knowledge',
    'yesterday',
    'stopwatch',
    'cancellation fee',
  ])('finds nothing in %j', (text) => {
    expect(classifyReply(text)).toEqual(nothing);
  });

  it('does not take a request to cancel something for a cancelled conversation', () => {
    expect(classifyReply('I want to cancel my order').cancel).toBe(false);
    expect(classifyReply('please stop the subscription').cancel).toBe(false);
    expect(classifyReply('no, cancel').cancel).toBe(true);
  });

  it('reports both when a reply says both', () => {
    expect(classifyReply('yes, but actually ORD-9')).toEqual({ ...nothing, yes: true, correction: true });
    expect(classifyReply('no, never mind')).toEqual({ ...nothing, no: true, cancel: true });
    expect(classifyReply('yes no')).toEqual({ ...nothing, yes: true, no: true });
  });
});
