import type { OpenedRemoteMcpServer } from '../stores/remote-mcp-store.js';
import { RemoteMcpError } from './remote-mcp-error.js';

/** A token is taken again this long before it expires. */
const EXPIRY_MARGIN_MS = 30_000;
/** A token without `expires_in` is kept this long. */
const DEFAULT_TOKEN_LIFETIME_MS = 5 * 60_000;
/** Tokens of this many servers kept; past it the cache starts again. */
const MAX_CACHED_TOKENS = 1_000;

/**
 * OAuth2 client credentials for remote MCP servers: the token request goes through the same
 * policy fetch as the MCP connection (address checks, response cap), HTTP Basic client
 * authentication, and the token is kept per server version until shortly before it expires.
 */
export function createRemoteMcpTokens(deps: { fetch: typeof fetch; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const tokens = new Map<string, { token: string; until: number }>();

  async function request(
    server: OpenedRemoteMcpServer,
    signal: AbortSignal,
  ): Promise<{ token: string; until: number }> {
    if (server.auth.type !== 'oauth2_client_credentials') throw new Error('not an OAuth2 server');
    const { tokenUrl, clientId, scopes } = server.auth;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes && scopes.length > 0) body.set('scope', scopes.join(' '));
    const basic = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(server.secret ?? '')}`,
    ).toString('base64');
    const response = await deps.fetch(tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: body.toString(),
      signal,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new RemoteMcpError(
        'auth_failed',
        `the token endpoint refused the client credentials (HTTP ${response.status})`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RemoteMcpError('auth_failed', 'the token endpoint did not answer with JSON');
    }
    const token = (parsed as { access_token?: unknown }).access_token;
    const expiresIn = (parsed as { expires_in?: unknown }).expires_in;
    if (typeof token !== 'string' || token === '') {
      throw new RemoteMcpError('auth_failed', 'the token endpoint answered without an access_token');
    }
    const lifetime =
      typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : DEFAULT_TOKEN_LIFETIME_MS;
    return { token, until: now() + Math.max(0, lifetime - EXPIRY_MARGIN_MS) };
  }

  return {
    /** The access token for the server, fetched when there is none or it is about to expire. */
    async tokenFor(server: OpenedRemoteMcpServer, signal: AbortSignal): Promise<string> {
      const cached = tokens.get(server.version);
      if (cached && cached.until > now()) return cached.token;
      const fresh = await request(server, signal);
      if (tokens.size >= MAX_CACHED_TOKENS) tokens.clear();
      tokens.set(server.version, fresh);
      return fresh.token;
    },
    /** Drops a server's token (it was refused). */
    forget(server: OpenedRemoteMcpServer): void {
      tokens.delete(server.version);
    },
  };
}

export type RemoteMcpTokens = ReturnType<typeof createRemoteMcpTokens>;
