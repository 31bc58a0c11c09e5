import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import type { RequestOrigin } from './client-address.js';

/** `TOOLGATE_COOKIE_SECURE`: `auto` decides per request (below); `true` and `false` force it. */
export type CookieSecureSetting = 'auto' | boolean;

/**
 * Whether the session cookie gets `Secure`. `auto`: when the public URL is https, or when a trusted
 * proxy says this request came over https.
 *
 * @example
 * cookieIsSecure({ setting: 'auto', publicUrl: 'https://toolgate.example.com', forwardedHttps: false }); // true
 */
export function cookieIsSecure(options: {
  setting: CookieSecureSetting;
  publicUrl: string | undefined;
  forwardedHttps: boolean;
}): boolean {
  if (options.setting !== 'auto') return options.setting;
  return options.publicUrl?.startsWith('https:') === true || options.forwardedHttps;
}

/** The attributes of the `toolgate_session` cookie, decided per request. */
export function createSessionCookie(options: {
  setting: CookieSecureSetting;
  publicUrl: string | undefined;
  origin: RequestOrigin;
}) {
  return {
    /** HttpOnly, SameSite=Strict, path `/`, and `Secure` by `cookieIsSecure`. */
    attributes(c: Context): CookieOptions {
      const secure = cookieIsSecure({ ...options, forwardedHttps: options.origin.forwardedHttps(c) });
      return { httpOnly: true, sameSite: 'Strict', secure, path: '/' };
    },
  };
}

export type SessionCookie = ReturnType<typeof createSessionCookie>;
