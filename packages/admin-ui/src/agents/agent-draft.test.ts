import { describe, expect, it } from 'vitest';
import { pageAt } from '../app-pages';
import {
  buildAgentPatches,
  createBody,
  draftFromAgent,
  draftProblems,
  emptyAgentDraft,
  keyState,
} from './agent-draft';
import { type AgentView, toAgentView } from './agent-view';

const saved: AgentView = toAgentView({
  id: 'agt_1',
  name: 'support',
  systemPrompt: 'Be kind.',
  model: { provider: 'openai', model: 'gpt-4o-mini', timeoutMs: 20000, apiKeySet: true },
  actions: ['act_1', 'lookup'],
  limits: { maxStepsPerTurn: 4, maxResultChars: 500 },
  greeting: 'Hi!',
  timezone: 'Europe/Berlin',
  webhookTrigger: { url: 'https://example.com/hook', description: 'On leads' },
});
const base = draftFromAgent(saved);

describe('createBody', () => {
  it('leaves blank fields out and sends the model', () => {
    expect(createBody({ ...emptyAgentDraft(), name: ' bot ' })).toEqual({
      name: 'bot',
      model: { provider: 'embedded' },
    });
  });

  it('sends a typed key, actions, limits, texts and the trigger', () => {
    const draft = {
      ...emptyAgentDraft(),
      name: 'bot',
      provider: 'anthropic' as const,
      model: 'claude',
      apiKey: 'sk-1',
      timeoutSeconds: '5',
      actionsMode: 'some' as const,
      actions: ['act_1'],
      limits: { maxCallsPerConversation: '3', maxStepsPerTurn: '', maxResultChars: '' },
      greeting: 'Hello',
      webhookEnabled: true,
      webhookUrl: 'https://x.test/h',
    };
    expect(createBody(draft)).toEqual({
      name: 'bot',
      model: { provider: 'anthropic', model: 'claude', timeoutMs: 5000, apiKey: 'sk-1' },
      actions: ['act_1'],
      limits: { maxCallsPerConversation: 3 },
      greeting: 'Hello',
      webhookTrigger: { url: 'https://x.test/h' },
    });
  });
});

describe('buildAgentPatches', () => {
  it('sends nothing when nothing changed', () => {
    expect(buildAgentPatches(base, { ...base })).toEqual([]);
    expect(buildAgentPatches(base, { ...base, actions: ['lookup', 'act_1'] })).toEqual([]);
  });

  it('sends only changed fields; a cleared text is null', () => {
    expect(buildAgentPatches(base, { ...base, greeting: '', language: 'de' })).toEqual([
      { greeting: null, language: 'de' },
    ]);
  });

  it('sends the whole model without apiKey when the key is kept', () => {
    expect(buildAgentPatches(base, { ...base, model: 'gpt-4o' })).toEqual([
      { model: { provider: 'openai', model: 'gpt-4o', timeoutMs: 20000 } },
    ]);
  });

  it('replaces and removes the key', () => {
    expect(buildAgentPatches(base, { ...base, keyChoice: 'replace', apiKey: 'sk-2' })).toEqual([
      { model: { provider: 'openai', model: 'gpt-4o-mini', timeoutMs: 20000, apiKey: 'sk-2' } },
    ]);
    expect(buildAgentPatches(base, { ...base, keyChoice: 'remove' })).toEqual([
      { model: { provider: 'openai', model: 'gpt-4o-mini', timeoutMs: 20000, apiKey: null } },
    ]);
    expect(buildAgentPatches(base, { ...base, keyChoice: 'replace', apiKey: '' })).toEqual([]);
  });

  it('lets the key drop when the provider or base URL changes, unless one is typed', () => {
    const moved = { ...base, provider: 'openai-compatible' as const, baseUrl: 'http://localhost:11434/v1' };
    expect(keyState(base, moved)).toBe('dropped');
    expect(buildAgentPatches(base, moved)).toEqual([
      {
        model: {
          provider: 'openai-compatible',
          model: 'gpt-4o-mini',
          baseUrl: 'http://localhost:11434/v1',
          timeoutMs: 20000,
        },
      },
    ]);
    expect(buildAgentPatches(base, { ...moved, keyChoice: 'replace', apiKey: 'k' })[0]?.model?.apiKey).toBe(
      'k',
    );
    expect(buildAgentPatches(base, { ...base, provider: 'embedded' })).toEqual([
      { model: { provider: 'embedded' } },
    ]);
  });

  it('switches between all and chosen actions', () => {
    expect(buildAgentPatches(base, { ...base, actionsMode: 'all' })).toEqual([{ actions: null }]);
    expect(buildAgentPatches(base, { ...base, actions: ['act_1'] })).toEqual([{ actions: ['act_1'] }]);
  });

  it('sends changed limits as numbers and cleared ones as null, in one body', () => {
    const limits = { ...base.limits, maxStepsPerTurn: '6' };
    expect(buildAgentPatches(base, { ...base, limits })).toEqual([{ limits: { maxStepsPerTurn: 6 } }]);
    const cleared = { ...base.limits, maxStepsPerTurn: '' };
    expect(buildAgentPatches(base, { ...base, limits: cleared, greeting: 'Yo' })).toEqual([
      { greeting: 'Yo', limits: { maxStepsPerTurn: null } },
    ]);
    const none = { maxCallsPerConversation: '', maxStepsPerTurn: '', maxResultChars: '' };
    expect(buildAgentPatches(base, { ...base, limits: none })).toEqual([
      { limits: { maxStepsPerTurn: null, maxResultChars: null } },
    ]);
  });

  it('removes or changes the webhook trigger', () => {
    expect(buildAgentPatches(base, { ...base, webhookEnabled: false })).toEqual([{ webhookTrigger: null }]);
    expect(buildAgentPatches(base, { ...base, webhookDescription: '' })).toEqual([
      { webhookTrigger: { url: 'https://example.com/hook' } },
    ]);
  });
});

describe('draftProblems', () => {
  it('finds numbers that are not whole, a missing name and a missing trigger URL', () => {
    const draft = {
      ...base,
      name: ' ',
      timeoutSeconds: 'soon',
      limits: { ...base.limits, maxCallsPerConversation: 'x' },
      webhookUrl: '',
    };
    expect(draftProblems(draft).map((problem) => problem.path)).toEqual([
      '/model/timeoutMs',
      '/limits/maxCallsPerConversation',
      '/name',
      '/webhookTrigger/url',
    ]);
    expect(draftProblems(base)).toEqual([]);
  });

  it('reports every rule the server would refuse at once, in its words and in seconds', () => {
    const draft = {
      ...base,
      timeoutSeconds: '300',
      limits: { maxCallsPerConversation: '500', maxStepsPerTurn: '0', maxResultChars: '100' },
      language: 'English',
      phoneRegion: 'us',
      baseUrl: 'not a url',
      webhookEnabled: false,
    };
    expect(draftProblems(draft)).toEqual([
      { path: '/model/baseUrl', message: 'must be a full URL like https://api.example.com/orders' },
      { path: '/model/timeoutMs', message: 'must be from 1 to 120 seconds' },
      { path: '/limits/maxCallsPerConversation', message: 'must be a whole number from 1 to 100' },
      { path: '/limits/maxStepsPerTurn', message: 'must be a whole number from 1 to 10' },
      { path: '/limits/maxResultChars', message: 'must be a whole number from 200 to 20000' },
      { path: '/language', message: 'must be a language tag like en or de-CH' },
      { path: '/phoneRegion', message: 'must be a two-letter country code in capitals, like US or DE' },
    ]);
    expect(draftFromAgent({ ...saved, model: { ...saved.model, timeoutMs: 20000 } }).timeoutSeconds).toBe(
      '20',
    );
  });
});

describe('agent routes', () => {
  it('finds the agent screens inside the Agents page', () => {
    expect(pageAt('/agents/new')).toMatchObject({ match: { key: 'agent-new' }, scope: 'agents:manage' });
    expect(pageAt('/agents/agt_1')).toMatchObject({
      page: { key: 'agents' },
      match: { key: 'agent-edit', params: { id: 'agt_1' } },
      scope: 'agents:read',
    });
  });
});
