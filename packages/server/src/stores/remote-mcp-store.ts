import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  LimitReachedError,
  NotFoundError,
  type TargetCheck,
  ValidationError,
  type ValidationIssue,
} from '@toolgate/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.js';
import type { CacheBus } from '../shared/cache-bus.js';
import { createTtlCache } from '../shared/ttl-cache.js';
import type { Database, RemoteMcpAuth, RemoteMcpServerTable } from '../storage/schema.js';
import { recordAudit } from './audit.js';
import {
  type OpenedRemoteMcpServer,
  type RemoteMcpServerInput,
  type RemoteMcpServerPatch,
  type RemoteMcpServerView,
  remoteMcpSecretPlace,
  show,
  splitAuth,
} from './remote-mcp-server.js';

export type {
  OpenedRemoteMcpServer,
  RemoteMcpAuthInput,
  RemoteMcpServerInput,
  RemoteMcpServerPatch,
  RemoteMcpServerView,
} from './remote-mcp-server.js';
export { remoteMcpSecretPlace } from './remote-mcp-server.js';

/** An agent may use this many remote MCP servers. */
export const MAX_REMOTE_MCP_SERVERS_PER_AGENT = 10;
/** A turn reads an agent's servers through a cache this old at most (writes here clear it at once). */
const SERVERS_READ_CACHE_MS = 2_000;
/** The default and the bounds of a server's timeout (each connection, list and call). */
export const DEFAULT_REMOTE_MCP_TIMEOUT_MS = 10_000;

/**
 * The tenant-scoped store of agents' remote MCP servers. URLs (the server's and an OAuth2 token
 * URL) pass the outbound policy when saved; every connection checks them again.
 */
export function createRemoteMcpStore(options: {
  db: Kysely<Database>;
  box: SecretBox;
  /** The outbound policy (checkTarget with the service's allowlist and resolver). */
  checkUrl: (url: string) => Promise<TargetCheck>;
  now?: () => Date;
  /** Carries the cache's deletes to the other instances. */
  cacheBus?: CacheBus;
}) {
  const { db, box, now = () => new Date() } = options;
  const enabled = createTtlCache<OpenedRemoteMcpServer[]>(
    SERVERS_READ_CACHE_MS,
    10_000,
    Date.now,
    options.cacheBus ? { name: 'remote-mcp-servers', bus: options.cacheBus } : undefined,
  );
  /** After a write has committed: the agent's turns read its servers again. */
  const changed = (tenantId: string, agentId: string) => enabled.delete(`${tenantId}/${agentId}`);

  async function urlIssues(url: string, path: string): Promise<ValidationIssue[]> {
    const verdict = await options.checkUrl(url);
    // A name that does not resolve yet is accepted: every connection checks again.
    if (verdict.allowed || verdict.code === 'unresolvable') return [];
    return [{ path, message: `${verdict.reason} (${verdict.code})` }];
  }

  async function assertValid(url: string, auth: RemoteMcpAuth, issues: ValidationIssue[]) {
    const all = [...issues, ...(await urlIssues(url, '/url'))];
    if (auth.type === 'oauth2_client_credentials')
      all.push(...(await urlIssues(auth.tokenUrl, '/auth/tokenUrl')));
    if (all.length > 0) throw new ValidationError('the MCP server is not valid', all);
  }

  async function rowFor(
    trx: Kysely<Database> | Transaction<Database>,
    tenantId: string,
    agentId: string,
    name: string,
    lock = false,
  ) {
    let query = trx
      .selectFrom('remote_mcp_servers')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId)
      .where('name', '=', name);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError('MCP server');
    return row;
  }

  function audit(
    trx: Transaction<Database>,
    tenantId: string,
    actor: string,
    event: string,
    id: string,
    fields: string[],
  ) {
    return recordAudit(
      trx,
      { tenantId, actor, event, targetType: 'remote_mcp_server', targetId: id, fields },
      now(),
    );
  }

  function opened(row: Selectable<RemoteMcpServerTable>): OpenedRemoteMcpServer {
    return {
      id: row.id,
      tenantId: row.tenant_id,
      agentId: row.agent_id,
      name: row.name,
      url: row.url,
      auth: row.auth,
      secret: row.secret === null ? null : box.open(row.secret, remoteMcpSecretPlace(row.tenant_id, row.id)),
      enabled: row.enabled,
      tools: row.tools ?? null,
      timeoutMs: row.timeout_ms,
      version: `${row.id}@${new Date(row.updated_at).toISOString()}`,
    };
  }

  return {
    /** Adds a server to an agent (`agentId` already resolved in the tenant). */
    async create(
      tenantId: string,
      agentId: string,
      input: RemoteMcpServerInput,
      actor: string,
    ): Promise<RemoteMcpServerView> {
      const { auth, secret, issues } = splitAuth(input.auth ?? { type: 'none' }, null);
      await assertValid(input.url, auth, issues);
      const id = `mcs_${randomUUID().replaceAll('-', '')}`;
      const at = now();
      const view = await db.transaction().execute(async (trx) => {
        const { count } = await trx
          .selectFrom('remote_mcp_servers')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('tenant_id', '=', tenantId)
          .where('agent_id', '=', agentId)
          .executeTakeFirstOrThrow();
        if (Number(count) >= MAX_REMOTE_MCP_SERVERS_PER_AGENT) {
          throw new LimitReachedError(
            `an agent may have at most ${MAX_REMOTE_MCP_SERVERS_PER_AGENT} MCP servers`,
          );
        }
        const taken = await trx
          .selectFrom('remote_mcp_servers')
          .select('id')
          .where('agent_id', '=', agentId)
          .where('name', '=', input.name)
          .executeTakeFirst();
        if (taken) {
          throw new ConflictError(`this agent already has an MCP server named ${input.name}`, [
            { path: '/name', message: 'is already used by another MCP server of this agent' },
          ]);
        }
        const row = {
          id,
          tenant_id: tenantId,
          agent_id: agentId,
          name: input.name,
          url: input.url,
          auth,
          secret: secret === null ? null : box.seal(secret, remoteMcpSecretPlace(tenantId, id)),
          enabled: input.enabled ?? true,
          tools: input.tools ?? null,
          timeout_ms: input.timeoutMs ?? DEFAULT_REMOTE_MCP_TIMEOUT_MS,
          created_at: at,
          updated_at: at,
        };
        await trx
          .insertInto('remote_mcp_servers')
          .values({ ...row, auth: JSON.stringify(auth), tools: JSON.stringify(row.tools) })
          .execute();
        await audit(trx, tenantId, actor, 'remote-mcp-server-created', id, Object.keys(input).sort());
        return show(row);
      });
      await changed(tenantId, agentId);
      return view;
    },

    async list(tenantId: string, agentId: string): Promise<RemoteMcpServerView[]> {
      const rows = await db
        .selectFrom('remote_mcp_servers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('agent_id', '=', agentId)
        .orderBy('name')
        .execute();
      return rows.map(show);
    },

    async get(tenantId: string, agentId: string, name: string): Promise<RemoteMcpServerView> {
      return show(await rowFor(db, tenantId, agentId, name));
    },

    /** Changes a server; `auth` of the same type keeps a secret left out. */
    async update(
      tenantId: string,
      agentId: string,
      name: string,
      patch: RemoteMcpServerPatch,
      actor: string,
    ): Promise<RemoteMcpServerView> {
      // The URL check may resolve a name: done before the transaction, on the row as read.
      const before = await rowFor(db, tenantId, agentId, name);
      const keptSecret =
        before.secret !== null && patch.auth?.type === before.auth.type
          ? box.open(before.secret, remoteMcpSecretPlace(tenantId, before.id))
          : null;
      const split = patch.auth ? splitAuth(patch.auth, keptSecret) : undefined;
      const url = patch.url ?? before.url;
      await assertValid(url, split?.auth ?? before.auth, split?.issues ?? []);
      const view = await db.transaction().execute(async (trx) => {
        const row = await rowFor(trx, tenantId, agentId, name, true);
        const at = now();
        const next = {
          ...row,
          url,
          ...(split
            ? {
                auth: split.auth,
                secret:
                  split.secret === null
                    ? null
                    : box.seal(split.secret, remoteMcpSecretPlace(tenantId, row.id)),
              }
            : {}),
          enabled: patch.enabled ?? row.enabled,
          tools: patch.tools === undefined ? (row.tools ?? null) : patch.tools,
          timeout_ms: patch.timeoutMs ?? row.timeout_ms,
          updated_at: at,
        };
        await trx
          .updateTable('remote_mcp_servers')
          .set({
            url: next.url,
            auth: JSON.stringify(next.auth),
            secret: next.secret,
            enabled: next.enabled,
            tools: JSON.stringify(next.tools),
            timeout_ms: next.timeout_ms,
            updated_at: at,
          })
          .where('id', '=', row.id)
          .execute();
        await audit(trx, tenantId, actor, 'remote-mcp-server-updated', row.id, Object.keys(patch).sort());
        return show(next);
      });
      await changed(tenantId, agentId);
      return view;
    },

    async remove(tenantId: string, agentId: string, name: string, actor: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await rowFor(trx, tenantId, agentId, name);
        await trx.deleteFrom('remote_mcp_servers').where('id', '=', row.id).execute();
        await audit(trx, tenantId, actor, 'remote-mcp-server-deleted', row.id, []);
      });
      await changed(tenantId, agentId);
    },

    /** One server with its secret opened (the refresh endpoint), enabled or not. */
    async open(tenantId: string, agentId: string, name: string): Promise<OpenedRemoteMcpServer> {
      return opened(await rowFor(db, tenantId, agentId, name));
    },

    /** The agent's enabled servers with their secrets opened, for a turn. */
    enabledFor(tenantId: string, agentId: string): Promise<OpenedRemoteMcpServer[]> {
      return enabled.get(`${tenantId}/${agentId}`, async () => {
        const rows = await db
          .selectFrom('remote_mcp_servers')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('agent_id', '=', agentId)
          .where('enabled', '=', true)
          .orderBy('name')
          .execute();
        return rows.map(opened);
      });
    },
  };
}

export type RemoteMcpStore = ReturnType<typeof createRemoteMcpStore>;
