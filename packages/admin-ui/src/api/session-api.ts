import type { ApiClient } from './api-client';
import { ApiError, UNEXPECTED_RESPONSE } from './api-error';

/** Who is signed in: the answer of `GET` and `POST /session`. */
export interface Session {
  tenantId: string;
  /** `operator:<id>` for a signed-in operator. */
  actor: string;
  via: 'session' | 'api_key';
  scopes: string[];
  csrfToken?: string;
}

export interface SignInInput {
  email: string;
  password: string;
}

/** Checks the shape of a session answer (the server is trusted, but not to be a different version). */
export function toSession(value: unknown): Session {
  if (typeof value === 'object' && value !== null) {
    const { tenantId, actor, via, scopes, csrfToken } = value as Record<string, unknown>;
    if (
      typeof tenantId === 'string' &&
      typeof actor === 'string' &&
      (via === 'session' || via === 'api_key') &&
      Array.isArray(scopes) &&
      scopes.every((scope) => typeof scope === 'string') &&
      (csrfToken === undefined || typeof csrfToken === 'string')
    ) {
      return { tenantId, actor, via, scopes, ...(csrfToken === undefined ? {} : { csrfToken }) };
    }
  }
  throw new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    'the server answered with a session this app does not understand',
  );
}

/** Signs in; the session cookie is set by the answer and the CSRF token is kept by the client. */
export async function signIn(client: ApiClient, input: SignInInput): Promise<Session> {
  const session = toSession(
    await client.request('POST', '/session', { body: input, expectUnauthenticated: true }),
  );
  client.setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or `null` when nobody is signed in. */
export async function currentSession(client: ApiClient): Promise<Session | null> {
  try {
    const session = toSession(await client.request('GET', '/session', { expectUnauthenticated: true }));
    client.setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Ends the session on the server and forgets the CSRF token, even when the session had already ended. */
export async function signOut(client: ApiClient): Promise<void> {
  try {
    await client.request('DELETE', '/session', { expectUnauthenticated: true });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  } finally {
    client.setCsrfToken(undefined);
  }
}
