import type { ActionMethod } from '../../actions/action-definition.js';

/** The request to make after a redirect. */
export interface RedirectHop {
  url: URL;
  method: ActionMethod;
  /** `false` when the method became GET and the body is dropped. */
  keepBody: boolean;
  /** `true` when the new URL is on another origin: credentials must not follow. */
  crossOrigin: boolean;
}

/**
 * Works out the next hop of a redirect the way the Fetch standard does: 303 (and 301/302 after a
 * POST) become a GET without a body; 307 and 308 keep method and body. Returns `undefined` when
 * the response has no usable `Location`.
 */
export function followRedirect(
  current: URL,
  method: ActionMethod,
  status: number,
  location: string | undefined,
): RedirectHop | undefined {
  if (!location) return undefined;
  let url: URL;
  try {
    url = new URL(location, current);
  } catch {
    return undefined;
  }
  const becomesGet = status === 303 || ((status === 301 || status === 302) && method === 'POST');
  return {
    url,
    method: becomesGet ? 'GET' : method,
    keepBody: !becomesGet,
    crossOrigin: url.origin !== current.origin,
  };
}

/** Statuses that carry a `Location` to follow. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
