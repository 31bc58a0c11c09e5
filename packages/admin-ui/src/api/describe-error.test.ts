import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from './api-error';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('makes a sentence of the server message', () => {
    expect(describeError(new ApiError(404, 'not_found', 'action not found'))).toBe('Action not found.');
  });

  it('says what a status means to the operator', () => {
    expect(describeError(new ApiError(401, 'unauthenticated', 'x'))).toBe(
      'Your session has ended. Sign in again.',
    );
    expect(describeError(new ApiError(403, 'forbidden', 'this needs the admin scope'))).toBe(
      'You are not allowed to do this: This needs the admin scope.',
    );
    expect(describeError(new ApiError(500, 'internal', 'see the log.'))).toBe(
      'The server had a problem. See the log.',
    );
    expect(describeError(networkError())).toMatch(/^The server could not be reached/);
  });

  it('never shows the text of a programming error', () => {
    expect(describeError(new Error('secret internals'))).not.toContain('secret');
  });
});
