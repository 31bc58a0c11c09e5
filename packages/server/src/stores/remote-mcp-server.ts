import type { ValidationIssue } from '@toolgate/core';
import type { Selectable } from 'kysely';
import type { RemoteMcpAuth, RemoteMcpServerTable } from '../storage/schema.js';

/*
 * What a remote MCP server is to the API and to a turn: the input, patch and view types, and the
 * mapping between them and a row (the store in remote-mcp-store.ts writes and reads the rows).
 */

/** Headers the transport sets itself: an auth header may not be one of them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'accept',
  'connection',
  'transfer-encoding',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
]);

/** How the API takes a server's authentication: the secret part is write-only. */
export type RemoteMcpAuthInput =
  | { type: 'none' }
  | { type: 'header'; name: string; value?: string }
  | {
      type: 'oauth2_client_credentials';
      tokenUrl: string;
      clientId: string;
      clientSecret?: string;
      scopes?: string[];
    };

export interface RemoteMcpServerInput {
  name: string;
  url: string;
  auth?: RemoteMcpAuthInput;
  enabled?: boolean;
  tools?: string[] | null;
  timeoutMs?: number;
}

export type RemoteMcpServerPatch = Partial<Omit<RemoteMcpServerInput, 'name'>>;

/** A server as the API shows it: the secret only as `{ set: true }`. */
export interface RemoteMcpServerView {
  id: string;
  agentId: string;
  name: string;
  url: string;
  auth:
    | { type: 'none' }
    | { type: 'header'; name: string; value: { set: true } }
    | {
        type: 'oauth2_client_credentials';
        tokenUrl: string;
        clientId: string;
        clientSecret: { set: true };
        scopes?: string[];
      };
  enabled: boolean;
  tools: string[] | null;
  timeoutMs: number;
  createdAt: string;
  updatedAt: string;
}

/** A server with its secret opened, to connect to it. Never for a response. */
export interface OpenedRemoteMcpServer {
  id: string;
  tenantId: string;
  agentId: string;
  name: string;
  url: string;
  auth: RemoteMcpAuth;
  /** The header value or the client secret. */
  secret: string | null;
  enabled: boolean;
  tools: string[] | null;
  timeoutMs: number;
  /** Changes with every write: caches of the server's tool list key on it. */
  version: string;
}

/** What a server's sealed secret is bound to: another row's or tenant's value does not open. */
export function remoteMcpSecretPlace(tenantId: string, serverId: string): string {
  return `remote-mcp:${tenantId}/${serverId}/secret`;
}

function showAuth(auth: RemoteMcpAuth): RemoteMcpServerView['auth'] {
  if (auth.type === 'header') return { type: 'header', name: auth.name, value: { set: true } };
  if (auth.type === 'oauth2_client_credentials') return { ...auth, clientSecret: { set: true } };
  return { type: 'none' };
}

export function show(row: Selectable<RemoteMcpServerTable>): RemoteMcpServerView {
  return {
    id: row.id,
    agentId: row.agent_id,
    name: row.name,
    url: row.url,
    auth: showAuth(row.auth),
    enabled: row.enabled,
    tools: row.tools ?? null,
    timeoutMs: row.timeout_ms,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The stored auth (no secret) and the secret of an input; `kept` is the old secret a same-type auth keeps. */
export function splitAuth(
  input: RemoteMcpAuthInput,
  kept: string | null,
): { auth: RemoteMcpAuth; secret: string | null; issues: ValidationIssue[] } {
  if (input.type === 'none') return { auth: { type: 'none' }, secret: null, issues: [] };
  if (input.type === 'header') {
    const secret = input.value ?? kept;
    const issues = secret === null ? [{ path: '/auth/value', message: 'is required: the header value' }] : [];
    if (RESERVED_HEADERS.has(input.name.toLowerCase())) {
      issues.push({
        path: '/auth/name',
        message: `${input.name} is set by the MCP transport itself; use another header`,
      });
    }
    return { auth: { type: 'header', name: input.name }, secret, issues };
  }
  const secret = input.clientSecret ?? kept;
  const issues =
    secret === null ? [{ path: '/auth/clientSecret', message: 'is required: the OAuth2 client secret' }] : [];
  const auth: RemoteMcpAuth = {
    type: 'oauth2_client_credentials',
    tokenUrl: input.tokenUrl,
    clientId: input.clientId,
    ...(input.scopes ? { scopes: input.scopes } : {}),
  };
  return { auth, secret, issues };
}
