import { describe, expect, it } from 'vitest';
import { createOneTimeSecrets } from './one-time-secrets';

describe('createOneTimeSecrets', () => {
  it('gives a secret out once, for its action only', () => {
    const secrets = createOneTimeSecrets();
    secrets.put('act_1', 'whsec_a');
    expect(secrets.take('act_2')).toBeUndefined();
    expect(secrets.take('act_1')).toBe('whsec_a');
    expect(secrets.take('act_1')).toBeUndefined();
  });
});
