import { describe, expect, it } from 'vitest';
import { cookieIsSecure } from './session-cookie.js';

describe('the Secure attribute of the session cookie', () => {
  it('auto: on for an https public URL or a request a trusted proxy says was https', () => {
    const https = 'https://toolgate.example.com/';
    const http = 'http://toolgate.example.com/';
    expect(cookieIsSecure({ setting: 'auto', publicUrl: https, forwardedHttps: false })).toBe(true);
    expect(cookieIsSecure({ setting: 'auto', publicUrl: http, forwardedHttps: false })).toBe(false);
    expect(cookieIsSecure({ setting: 'auto', publicUrl: undefined, forwardedHttps: false })).toBe(false);
    expect(cookieIsSecure({ setting: 'auto', publicUrl: undefined, forwardedHttps: true })).toBe(true);
  });

  it('true and false force it', () => {
    expect(
      cookieIsSecure({ setting: true, publicUrl: 'http://localhost:3000/', forwardedHttps: false }),
    ).toBe(true);
    expect(
      cookieIsSecure({ setting: false, publicUrl: 'https://toolgate.example.com/', forwardedHttps: true }),
    ).toBe(false);
  });
});
