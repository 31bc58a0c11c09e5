import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { checkBody } from './check-body.js';
import { describeAllowed } from './plain-issues.js';
import { CreateAgentBody, PatchAgentBody } from './schemas/agents.js';
import { CallListQuery } from './schemas/calls.js';
import { CreateApiKeyBody } from './schemas/keys.js';
import { CreateOperatorBody } from './schemas/operators.js';
import { PatchTenantBody } from './schemas/tenant.js';

/** The issues a body is refused with. */
function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return [...(error.details ?? [])];
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('field errors in plain words', () => {
  it('says which whole numbers a nullable limit takes, not "expected union value"', () => {
    const issues = issuesOf(() => checkBody(PatchAgentBody, { limits: { maxCallsPerConversation: 500 } }));
    expect(issues).toEqual([
      { path: '/limits/maxCallsPerConversation', message: 'must be a whole number from 1 to 100' },
    ]);
    const typed = issuesOf(() => checkBody(PatchAgentBody, { limits: { maxStepsPerTurn: 'three' } }));
    const unknown = issuesOf(() => checkBody(PatchAgentBody, { limits: { maxCals: 3 } }));
    expect(unknown).toEqual([{ path: '/limits/maxCals', message: 'is not a known field' }]);
    expect(typed).toEqual([
      { path: '/limits/maxStepsPerTurn', message: 'must be a whole number from 1 to 10' },
    ]);
  });

  it('describes a widget origin instead of showing its regular expression', () => {
    const issues = issuesOf(() =>
      checkBody(CreateApiKeyBody, {
        name: 'shop',
        scopes: ['chat'],
        widget: { agentId: 'a', origins: ['https://shop.example.com/checkout'] },
      }),
    );
    expect(issues).toEqual([
      {
        path: '/widget/origins/0',
        message: 'must be an origin like https://shop.example.com, without a path',
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain('^');
  });

  it('names the allowed values of a choice, the size of a list, and repeats', () => {
    expect(issuesOf(() => checkBody(CreateAgentBody, { name: 'a', model: { provider: 'acme' } }))).toEqual([
      { path: '/model/provider', message: 'must be one of: embedded, openai, anthropic, openai-compatible' },
    ]);
    expect(issuesOf(() => checkBody(CreateApiKeyBody, { name: 'k', scopes: [] }))).toEqual([
      { path: '/scopes', message: 'must list at least 1 item' },
    ]);
    expect(issuesOf(() => checkBody(CreateApiKeyBody, { name: 'k', scopes: ['chat', 'chat'] }))).toEqual([
      { path: '/scopes', message: 'must not list the same value twice' },
    ]);
  });

  it('says what a missing field should hold, and the bounds of texts and numbers', () => {
    expect(issuesOf(() => checkBody(CreateOperatorBody, { email: 'x', scopes: ['admin'] }))).toEqual([
      { path: '/password', message: 'is required: a text of 12 to 200 characters' },
      { path: '/email', message: 'must be an email address like ana@example.com' },
    ]);
    expect(issuesOf(() => checkBody(PatchTenantBody, { name: '', maxActions: -1 }))).toEqual([
      { path: '/name', message: 'must be a text of 1 to 100 characters' },
      { path: '/maxActions', message: 'must be a whole number from 0 to 10000' },
    ]);
    expect(issuesOf(() => checkBody(CallListQuery, { limit: 'ten' }))).toEqual([
      { path: '/limit', message: 'must be a whole number from 1 to 200' },
    ]);
  });

  it('never shows a raw pattern or TypeBox wording for the agent fields', () => {
    const issues = issuesOf(() =>
      checkBody(CreateAgentBody, { name: 'a', language: 'English', phoneRegion: 'us' }),
    );
    expect(issues).toEqual([
      { path: '/language', message: 'must be a language tag like en or de-CH' },
      { path: '/phoneRegion', message: 'must be a two-letter country code in capitals, like US or DE' },
    ]);
  });

  it('describes each kind of schema', () => {
    expect(describeAllowed(Type.Boolean())).toBe('true or false');
    expect(describeAllowed(Type.Integer({ minimum: 0 }))).toBe('a whole number, at least 0');
    expect(describeAllowed(Type.Number({ maximum: 1 }))).toBe('a number, at most 1');
    expect(describeAllowed(Type.String({ minLength: 1 }))).toBe('a text that is not empty');
    expect(describeAllowed(Type.Array(Type.String(), { minItems: 1, maxItems: 20, uniqueItems: true }))).toBe(
      'a list of 1 to 20 items, each a text, none twice',
    );
    expect(describeAllowed(Type.Union([Type.String({ format: 'uri' }), Type.Null()]), 5)).toBe(
      'a full URL like https://api.example.com/orders',
    );
  });
});
