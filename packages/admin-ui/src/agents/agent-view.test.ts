import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { agentErrorSummary, agentFormErrors } from './agent-form-errors';
import { actionsSummary, toAgentList, toAgentRow, toCreatedAgent } from './agent-view';

describe('toAgentList and toAgentRow', () => {
  it('reads the list, sorted by name, and summarizes each agent', () => {
    const agents = toAgentList({
      agents: [
        {
          id: 'agt_2',
          name: 'zeta',
          model: { provider: 'embedded', apiKeySet: false },
          actions: null,
          limits: {},
        },
        {
          id: 'agt_1',
          name: 'alpha',
          model: { provider: 'openai', model: 'gpt-4o-mini', apiKeySet: true },
          actions: ['a', 'b'],
          limits: { maxStepsPerTurn: 3 },
          greeting: 'Hi',
          webhookTrigger: null,
        },
      ],
    });
    expect(agents.map(toAgentRow)).toEqual([
      { id: 'agt_1', name: 'alpha', model: 'openai · gpt-4o-mini', actions: '2 actions', greeting: 'Hi' },
      { id: 'agt_2', name: 'zeta', model: 'embedded', actions: 'All enabled', greeting: '' },
    ]);
    expect(agents[0]?.limits).toEqual({ maxStepsPerTurn: 3 });
  });

  it('rejects what is not an agent list', () => {
    expect(() => toAgentList({})).toThrow(ApiError);
    expect(() => toCreatedAgent({ agent: { id: 'a', name: 'b' } })).toThrow(ApiError);
  });

  it('counts actions', () => {
    expect([null, [], ['a']].map(actionsSummary)).toEqual(['All enabled', 'None', '1 action']);
  });
});

describe('agentFormErrors', () => {
  it('places issues at their controls, groups at their first control, the rest above the form', () => {
    const error = new ApiError(422, 'validation_failed', 'invalid', [
      { path: '/model/baseUrl', message: 'is required for openai-compatible' },
      { path: '/limits', message: 'must be an object' },
      { path: '/webhookTrigger/url', message: 'must use https' },
      { path: '/other', message: 'is not allowed' },
    ]);
    const placed = agentFormErrors(error);
    expect(placed.fields).toEqual({
      '/model/baseUrl': ['is required for openai-compatible'],
      '/limits/maxCallsPerConversation': ['must be an object'],
      '/webhookTrigger/url': ['must use https'],
    });
    expect(placed.form).toEqual(['/other: is not allowed']);
    expect(agentErrorSummary(placed.fields).map((entry) => entry.label)).toEqual([
      'Base URL',
      'Calls per conversation',
      'Webhook URL',
    ]);
  });

  it('shows an error without details above the form', () => {
    const placed = agentFormErrors(new ApiError(409, 'conflict', 'an agent with this name exists'));
    expect(placed.fields).toEqual({});
    expect(placed.form).toHaveLength(1);
  });
});
