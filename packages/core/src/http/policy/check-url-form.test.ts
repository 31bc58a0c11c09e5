import { describe, expect, it } from 'vitest';
import { ACTION_URL_RULES, checkUrlForm } from './check-url-form.js';

describe('checkUrlForm', () => {
  it('returns the normalized host of an https URL', () => {
    expect(checkUrlForm(new URL('https://API.Example.com./x'), ACTION_URL_RULES)).toEqual({
      ok: true,
      hostname: 'api.example.com',
    });
  });

  it('refuses plain http unless the caller accepts it', () => {
    const url = new URL('http://api.example.com/');
    expect(checkUrlForm(url, ACTION_URL_RULES)).toMatchObject({
      ok: false,
      denial: { code: 'scheme_not_allowed' },
    });
    expect(checkUrlForm(url, { ...ACTION_URL_RULES, acceptPlainHttp: true }).ok).toBe(true);
    expect(
      checkUrlForm(new URL('ftp://x.example.com/'), { ...ACTION_URL_RULES, acceptPlainHttp: true }),
    ).toMatchObject({ ok: false, denial: { code: 'scheme_not_allowed' } });
  });

  it('refuses credentials in the URL, in the caller words', () => {
    const rules = { ...ACTION_URL_RULES, subject: 'model endpoint URLs' };
    expect(checkUrlForm(new URL('https://user:pw@api.example.com/'), rules)).toEqual({
      ok: false,
      denial: {
        allowed: false,
        code: 'credentials_in_url',
        reason: 'model endpoint URLs must not carry credentials (user:password@)',
      },
    });
  });
});
