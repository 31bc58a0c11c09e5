import { describe, expect, it } from 'vitest';
import { validActionFixture } from './valid-action.fixture.js';
import { collectActionDefinitionIssues } from './validate-action-definition.js';

const withConversation = (conversation: unknown) =>
  collectActionDefinitionIssues({ ...validActionFixture, conversation });

describe('conversation settings in an action definition', () => {
  it('accepts a complete, valid block', () => {
    expect(
      withConversation({
        confirmation: 'always',
        messages: {
          start: 'Let me check.',
          delayed: { afterMs: 2000, text: 'Still checking.' },
          failure: 'Sorry, try later.',
        },
        responseFields: ['status', 'order.eta'],
        triggers: {
          phrases: ['where is my order'],
          entities: ['order_id', 'email'],
          requires: ['order_number'],
        },
        rateLimit: { calls: 3, windowMs: 600_000 },
      }),
    ).toEqual([]);
  });

  it('reports every problem with its path', () => {
    const paths = withConversation({
      confirmation: 'sometimes',
      messages: { start: '', delayed: { afterMs: 5 } },
      responseFields: 'status',
      triggers: { entities: ['weather'], requires: ['not_a_parameter'] },
      rateLimit: { calls: 0, windowMs: 10 },
      colour: 'red',
    }).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/conversation/colour',
        '/conversation/confirmation',
        '/conversation/messages/start',
        '/conversation/messages/delayed/afterMs',
        '/conversation/messages/delayed/text',
        '/conversation/responseFields',
        '/conversation/triggers/entities/0',
        '/conversation/triggers/requires/0',
        '/conversation/rateLimit/calls',
        '/conversation/rateLimit/windowMs',
      ]),
    );
  });

  it('says what each part of the rate limit takes, at its own path', () => {
    expect(withConversation({ rateLimit: { calls: 'three', windowMs: 600_000 } })).toEqual([
      { path: '/conversation/rateLimit/calls', message: 'must be a whole number, at least 1' },
    ]);
    expect(withConversation({ rateLimit: { calls: 3, windowMs: 2.5 } })).toEqual([
      {
        path: '/conversation/rateLimit/windowMs',
        message: 'must be a whole number of milliseconds, at least 1000 (one second)',
      },
    ]);
  });

  it('must be an object', () => {
    expect(withConversation('always')).toEqual([{ path: '/conversation', message: 'must be an object' }]);
  });
});
