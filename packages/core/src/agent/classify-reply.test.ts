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
    expect(classifyReply(text)).toMatchObject(only('yes'));
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
    expect(classifyReply(text)).toMatchObject(only('no'));
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
    expect(classifyReply(text)).toMatchObject(only('cancel'));
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
    expect(classifyReply(text)).toMatchObject(only('correction'));
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
    expect(classifyReply(text)).toMatchObject(nothing);
  });

  it('does not take a request to cancel something for a cancelled conversation', () => {
    expect(classifyReply('I want to cancel my order').cancel).toBe(false);
    expect(classifyReply('please stop the subscription').cancel).toBe(false);
    expect(classifyReply('no, cancel').cancel).toBe(true);
  });

  it('reports both when a reply says both', () => {
    expect(classifyReply('yes, but actually ORD-9')).toMatchObject({
      ...nothing,
      yes: true,
      correction: true,
    });
    expect(classifyReply('no, never mind')).toMatchObject({ ...nothing, no: true, cancel: true });
    expect(classifyReply('yes no')).toMatchObject({ ...nothing, yes: true, no: true });
  });
});

describe('classifyReply: a pause is neither a yes nor a no', () => {
  it.each(['hmm, let me think', 'Hmmm', 'hold on', 'give me a sec', 'let me check', 'umm not sure'])(
    'reads %j as unsure, with no other words',
    (text) => {
      expect(classifyReply(text)).toMatchObject({ ...nothing, unsure: true, otherWords: 0 });
    },
  );

  it('counts the words beside the phrases, so a new question can be told from a pause', () => {
    expect(classifyReply('not sure, what are your opening hours?')).toMatchObject({
      unsure: true,
      otherWords: 5,
    });
    expect(classifyReply('yes please')).toMatchObject({ yes: true, otherWords: 0 });
  });
});

describe('classifyReply: a change of mind', () => {
  it.each(["actually I've changed my mind, keep the order", 'change of plans', "no, I'll keep it"])(
    '%j drops the request',
    (text) => expect(classifyReply(text)).toMatchObject({ cancel: true, correction: false }),
  );
});
