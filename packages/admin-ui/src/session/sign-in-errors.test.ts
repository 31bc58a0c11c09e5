import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/api-error';
import { fieldToRetype, signInErrors, waitText } from './sign-in-errors';

describe('signInErrors', () => {
  it('says the email or the password is wrong on 401, at neither field', () => {
    const result = signInErrors(new ApiError(401, 'unauthenticated', 'the email or the password is wrong'));
    expect(result).toEqual({ fields: {}, form: ['The email or the password is wrong.'] });
  });

  it('explains a 429 with the wait the server names', () => {
    const error = new ApiError(429, 'too_many_requests', 'too many failed sign-ins; try again in 840 s');
    expect(signInErrors(error).form).toEqual([
      'Too many failed sign-ins for this account or from this network. Try again in 14 minutes.',
    ]);
    const vague = new ApiError(429, 'too_many_requests', 'slow down');
    expect(signInErrors(vague).form[0]).toContain('Try again in a few minutes.');
  });

  it('shows validation details at the email and password fields', () => {
    const error = new ApiError(400, 'bad_request', 'the body is not valid', [
      { path: '/email', message: 'must be a string' },
      { path: '/tenant', message: 'unknown tenant' },
    ]);
    expect(signInErrors(error)).toEqual({
      fields: { '/email': ['must be a string'] },
      form: ['/tenant: unknown tenant'],
    });
  });

  it('describes other failures', () => {
    expect(signInErrors(networkError()).form[0]).toMatch(/could not be reached/);
  });
});

describe('waitText', () => {
  it('uses seconds below 90 and whole minutes above', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(45)).toBe('45 seconds');
    expect(waitText(90)).toBe('2 minutes');
    expect(waitText(900)).toBe('15 minutes');
  });
});

describe('fieldToRetype', () => {
  it('is the password after a wrong password or any form-level failure', () => {
    expect(fieldToRetype(signInErrors(new ApiError(401, 'unauthenticated', 'no')))).toBe('password');
    expect(fieldToRetype({ fields: {}, form: ['The server could not be reached.'] })).toBe('password');
    expect(fieldToRetype({ fields: { '/password': ['too short'], '/email': ['bad'] }, form: [] })).toBe(
      'password',
    );
  });
  it('is the email when only the email is faulted', () => {
    expect(fieldToRetype({ fields: { '/email': ['must be an email address'] }, form: [] })).toBe('email');
  });
});
