import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { buildScopesBody, scopesDraft, scopesErrors } from './operator-scopes';

describe('scopesDraft', () => {
  it('keeps the known scopes in the form order and drops unknown ones', () => {
    expect(scopesDraft(['admin', 'legacy', 'chat', 'webhooks:read'])).toEqual([
      'webhooks:read',
      'chat',
      'admin',
    ]);
    expect(scopesDraft([])).toEqual([]);
  });
});

describe('buildScopesBody', () => {
  it('builds the body with the chosen scopes in the form order', () => {
    expect(buildScopesBody(['admin', 'chat'], { scopes: ['chat'], self: false })).toEqual({
      ok: true,
      body: { scopes: ['chat', 'admin'] },
    });
  });

  it('asks for at least one scope', () => {
    expect(buildScopesBody([], { scopes: ['chat'], self: false })).toEqual({
      ok: false,
      errors: ['choose at least one scope'],
    });
  });

  it('refuses taking admin from yourself, but lets another admin do it', () => {
    expect(buildScopesBody(['chat'], { scopes: ['admin'], self: true })).toEqual({
      ok: false,
      errors: ['you cannot remove admin from yourself; ask another admin'],
    });
    expect(buildScopesBody(['admin', 'chat'], { scopes: ['admin'], self: true })).toEqual({
      ok: true,
      body: { scopes: ['chat', 'admin'] },
    });
    expect(buildScopesBody(['chat'], { scopes: ['admin'], self: false })).toEqual({
      ok: true,
      body: { scopes: ['chat'] },
    });
  });
});

describe('scopesErrors', () => {
  it('lists issues at the scopes, then the message of an error without issues', () => {
    const invalid = new ApiError(422, 'validation_failed', 'the body is not valid', [
      { path: '/scopes/0', message: 'must be one of the scopes' },
    ]);
    expect(scopesErrors(invalid)).toEqual(['0: must be one of the scopes']);
    const refused = new ApiError(
      400,
      'bad_request',
      'you cannot remove admin from yourself; ask another admin',
    );
    expect(scopesErrors(refused)).toEqual(['you cannot remove admin from yourself; ask another admin']);
    expect(scopesErrors(new Error('boom'))).toEqual(['something went wrong; try again']);
  });
});
