import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  buildOperatorBody,
  EMPTY_OPERATOR_DRAFT,
  operatorFormErrors,
  toggleOperatorScope,
} from './operator-draft';

const PASSWORD = 'correct horse battery';

describe('buildOperatorBody', () => {
  it('builds the body with a trimmed email, the password as typed and the chosen scopes', () => {
    expect(
      buildOperatorBody({ email: ' ada@example.com ', password: ` ${PASSWORD} `, scopes: ['chat', 'admin'] }),
    ).toEqual({
      ok: true,
      body: { email: 'ada@example.com', password: ` ${PASSWORD} `, scopes: ['chat', 'admin'] },
    });
  });

  it('asks for every field', () => {
    expect(buildOperatorBody(EMPTY_OPERATOR_DRAFT)).toEqual({
      ok: false,
      errors: {
        '/email': ['is required'],
        '/password': ['is required'],
        '/scopes': ['choose at least one scope'],
      },
    });
  });

  it('refuses a malformed email and a short or long password', () => {
    expect(buildOperatorBody({ email: 'ada@', password: 'short', scopes: ['chat'] })).toEqual({
      ok: false,
      errors: {
        '/email': ['must be an email address, such as ada@example.com'],
        '/password': ['must be at least 12 characters'],
      },
    });
    const long = buildOperatorBody({ email: 'a@b.co', password: 'x'.repeat(201), scopes: ['chat'] });
    expect(long).toEqual({ ok: false, errors: { '/password': ['must be at most 200 characters'] } });
    expect(buildOperatorBody({ email: 'a@b.co', password: 'x'.repeat(12), scopes: ['chat'] }).ok).toBe(true);
  });
});

describe('toggleOperatorScope', () => {
  it('adds and removes scopes in the form order', () => {
    expect(toggleOperatorScope(['admin'], 'webhooks:read', true)).toEqual(['webhooks:read', 'admin']);
    expect(toggleOperatorScope(['webhooks:read', 'admin'], 'admin', false)).toEqual(['webhooks:read']);
  });
});

describe('operatorFormErrors', () => {
  it('puts 422 issues at their fields, a scope item at the scopes', () => {
    const error = new ApiError(422, 'validation_failed', 'invalid body', [
      { path: '/email', message: 'must match format "email"' },
      { path: '/scopes/1', message: 'must be one of the scopes' },
      { path: '', message: 'must not have property x' },
    ]);
    expect(operatorFormErrors(error)).toEqual({
      fields: { '/email': ['must match format "email"'], '/scopes': ['1: must be one of the scopes'] },
      form: ['must not have property x'],
    });
  });

  it('puts a 409 about the email at the email, with or without details', () => {
    const withDetail = new ApiError(409, 'conflict', 'an operator with the email a@b.co already exists', [
      { path: '/email', message: 'is already used' },
    ]);
    expect(operatorFormErrors(withDetail).fields['/email']).toEqual(['is already used']);
    const bare = new ApiError(409, 'conflict', 'an operator with the email a@b.co already exists');
    expect(operatorFormErrors(bare)).toEqual({
      fields: { '/email': ['an operator with the email a@b.co already exists'] },
      form: [],
    });
  });

  it('keeps other failures above the form', () => {
    expect(operatorFormErrors(new ApiError(403, 'forbidden', 'needs admin'))).toEqual({
      fields: {},
      form: ['needs admin'],
    });
  });
});
