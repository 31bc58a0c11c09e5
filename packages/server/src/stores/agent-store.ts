import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  generateWebhookSecret,
  LimitReachedError,
  type NetworkAllowlist,
  NotFoundError,
  type TargetCheck,
} from '@toolgate/core';
import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.js';
import type { CacheBus } from '../shared/cache-bus.js';
import { createTtlCache } from '../shared/ttl-cache.js';
import type { Database } from '../storage/schema.js';
import type { ActionStore } from './action-store.js';
import type { AgentInput, AgentPatch, AgentSettings, AgentView } from './agent-settings.js';
import { recordAudit } from './audit.js';
import { AGENT_ID, createAgentChecks } from './check-agent.js';
import { showAgent } from './show-agent.js';
import { openSigningSecrets, rotateSigningSecret, type SigningPlaces } from './signing-secrets.js';

/** Like actions: reads served from memory this long; this process's writes show at once. */
export const AGENT_READ_CACHE_MS = 2_000;
/** A tenant may have this many agents. */
export const MAX_AGENTS_PER_TENANT = 100;

export type { AgentInput, AgentPatch, AgentView } from './agent-settings.js';

/** An agent ready for a turn: settings and opened secrets. Never for an API response. */
export interface LoadedAgent {
  id: string;
  tenantId: string;
  name: string;
  settings: AgentSettings;
  apiKey?: string;
  /** Signs webhook trigger events: the current secret, and the previous one during its grace. */
  signingSecrets: string[];
  /** When the previous secret stops signing (epoch ms), while it still does. */
  previousValidUntil?: number;
  /** Changes with every change of the agent: caches of built models key on it. */
  version: string;
}

export interface AgentStoreOptions {
  db: Kysely<Database>;
  box: SecretBox;
  actions: ActionStore;
  /** The outbound policy for URLs the agent will call (model base URL, webhook trigger). */
  checkUrl: (url: string) => Promise<TargetCheck>;
  /** The server's allowlist: plain-http model URLs must point into it. */
  allowlist: NetworkAllowlist;
  now?: () => Date;
  /** Carries cache deletes to the other instances on the database (none: this process only). */
  cacheBus?: CacheBus;
}

/** A limits patch over the stored limits: a number sets one, `null` drops it (back to the default). */
function mergeLimits(
  current: AgentSettings['limits'],
  patch: Record<string, number | null>,
): AgentSettings['limits'] {
  const merged: Record<string, number> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

/** The stored settings (no key) from a create body or a merged patch. */
function settingsFrom(input: AgentInput): AgentSettings {
  const { apiKey: _key, ...model } = input.model ?? { provider: 'embedded' as const };
  return {
    ...(input.systemPrompt !== undefined ? { systemPrompt: input.systemPrompt } : {}),
    model,
    actions: input.actions ?? null,
    limits: input.limits ?? {},
    ...(input.fallbackText !== undefined ? { fallbackText: input.fallbackText } : {}),
    ...(input.greeting !== undefined ? { greeting: input.greeting } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.phoneRegion !== undefined ? { phoneRegion: input.phoneRegion } : {}),
    ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
    webhookTrigger: input.webhookTrigger ?? null,
  };
}

/** What an agent's sealed value is bound to: another row's or tenant's value cannot be swapped in. */
export function agentSecretPlace(
  tenantId: string,
  agentId: string,
  what: 'model-key' | 'signing' | 'signing-previous',
): string {
  return `agent:${tenantId}/${agentId}/${what}`;
}

/** The tenant-scoped store of agents. */
export function createAgentStore(options: AgentStoreOptions) {
  const { db, box, now = () => new Date() } = options;
  const assertValid = createAgentChecks(options);
  const shared = (name: string) => (options.cacheBus ? { name, bus: options.cacheBus } : undefined);
  const views = createTtlCache<AgentView[]>(AGENT_READ_CACHE_MS, 10_000, Date.now, shared('agent-views'));
  const loaded = createTtlCache<LoadedAgent>(AGENT_READ_CACHE_MS, 10_000, Date.now, shared('agent-loaded'));
  const keyPlace = (tenantId: string, id: string) => agentSecretPlace(tenantId, id, 'model-key');
  const signingPlace = (tenantId: string, id: string) => agentSecretPlace(tenantId, id, 'signing');
  const signingPlaces = (tenantId: string, id: string): SigningPlaces => ({
    current: signingPlace(tenantId, id),
    previous: agentSecretPlace(tenantId, id, 'signing-previous'),
  });

  async function writing<T>(tenantId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      await Promise.all([views.delete(tenantId), loaded.deletePrefix(`${tenantId}/`)]);
    }
  }

  async function assertNameFree(trx: Transaction<Database>, tenantId: string, name: string, except?: string) {
    let query = trx
      .selectFrom('agents')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name);
    if (except) query = query.where('id', '!=', except);
    if (await query.executeTakeFirst()) {
      throw new ConflictError(`an agent named ${name} already exists`, [
        { path: '/name', message: 'is already used by another agent' },
      ]);
    }
  }

  /** By id, else by name (names never look like ids); `lock` for a read-modify-write. */
  async function rowFor(
    trx: Kysely<Database> | Transaction<Database>,
    tenantId: string,
    idOrName: string,
    lock = false,
  ) {
    const column = AGENT_ID.test(idOrName) ? 'id' : 'name';
    let query = trx
      .selectFrom('agents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(column, '=', idOrName);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError('agent');
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
    return recordAudit(trx, { tenantId, actor, event, targetType: 'agent', targetId: id, fields }, now());
  }

  return {
    /** Creates an agent; its webhook signing secret is returned this once. */
    async create(
      tenantId: string,
      input: AgentInput,
      actor: string,
    ): Promise<{ agent: AgentView; signingSecret: string }> {
      const settings = settingsFrom(input);
      const apiKey = input.model?.apiKey ?? undefined;
      await assertValid(tenantId, input.name, settings, apiKey !== undefined);
      const id = `agt_${randomUUID().replaceAll('-', '')}`;
      const signingSecret = generateWebhookSecret();
      const at = now();
      return writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          const { count } = await trx
            .selectFrom('agents')
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .where('tenant_id', '=', tenantId)
            .executeTakeFirstOrThrow();
          if (Number(count) >= MAX_AGENTS_PER_TENANT) {
            throw new LimitReachedError(`a tenant may have at most ${MAX_AGENTS_PER_TENANT} agents`);
          }
          await assertNameFree(trx, tenantId, input.name);
          const row = {
            id,
            tenant_id: tenantId,
            name: input.name,
            settings: JSON.stringify(settings),
            model_key: apiKey === undefined ? null : box.seal(apiKey, keyPlace(tenantId, id)),
            signing_secret: box.seal(signingSecret, signingPlace(tenantId, id)),
            previous_signing_secret: null,
            previous_signing_secret_expires_at: null,
            version: 1,
            created_at: at,
            updated_at: at,
          };
          await trx.insertInto('agents').values(row).execute();
          await audit(trx, tenantId, actor, 'agent-created', id, Object.keys(input).sort());
          return { agent: showAgent({ ...row, settings }), signingSecret };
        }),
      );
    },

    list(tenantId: string): Promise<AgentView[]> {
      return views.get(tenantId, async () => {
        const rows = await db
          .selectFrom('agents')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return rows.map(showAgent);
      });
    },

    /** One agent by id or name. */
    async get(tenantId: string, idOrName: string): Promise<AgentView> {
      const cached = (await this.list(tenantId)).find(
        (agent) => agent.id === idOrName || agent.name === idOrName,
      );
      return cached ?? showAgent(await rowFor(db, tenantId, idOrName));
    },

    /**
     * Applies a patch: a field replaces, `null` removes, absent keeps; `limits` merge. The model
     * key (`model.apiKey`): a string replaces, `null` removes, absent keeps it only while the
     * provider and the base URL stay the same (a key never follows the agent to another server).
     */
    async update(tenantId: string, id: string, patch: AgentPatch, actor: string): Promise<AgentView> {
      // Listed before the transaction: a read of the action store inside it deadlocks PGlite.
      const knownActions = await options.actions.list(tenantId);
      return writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          const row = await rowFor(trx, tenantId, id, true);
          const current = row.settings as unknown as AgentSettings;
          const merged: Record<string, unknown> = { ...current, name: row.name };
          for (const [key, value] of Object.entries(patch)) {
            if (value === null && key !== 'actions' && key !== 'webhookTrigger') delete merged[key];
            else if (key === 'limits')
              merged.limits = mergeLimits(current.limits, value as Record<string, number | null>);
            else merged[key] = value;
          }
          const settings = settingsFrom(merged as unknown as AgentInput);
          const name = (merged.name as string) ?? row.name;
          let sealedKey = row.model_key;
          const keyChange = patch.model?.apiKey;
          const sameServer =
            settings.model.provider === current.model.provider &&
            settings.model.baseUrl === current.model.baseUrl;
          if (keyChange === null) sealedKey = null;
          else if (typeof keyChange === 'string') sealedKey = box.seal(keyChange, keyPlace(tenantId, row.id));
          else if (!sameServer) sealedKey = null;
          await assertValid(tenantId, name, settings, sealedKey !== null, knownActions);
          if (name !== row.name) await assertNameFree(trx, tenantId, name, row.id);
          const at = now();
          await trx
            .updateTable('agents')
            .set((eb) => ({
              name,
              settings: JSON.stringify(settings),
              model_key: sealedKey,
              version: eb('version', '+', 1),
              updated_at: at,
            }))
            .where('tenant_id', '=', tenantId)
            .where('id', '=', row.id)
            .execute();
          await audit(trx, tenantId, actor, 'agent-updated', row.id, Object.keys(patch).sort());
          return showAgent({ ...row, name, settings, model_key: sealedKey, updated_at: at });
        }),
      );
    },

    /** Issues a new webhook signing secret; the old one keeps signing for the grace period. */
    async rotateSigningSecret(
      tenantId: string,
      id: string,
      actor: string,
    ): Promise<{ signingSecret: string; previousValidUntil: string }> {
      return writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          const row = await rowFor(trx, tenantId, id, true);
          const rotation = rotateSigningSecret(
            box,
            row.signing_secret,
            signingPlaces(tenantId, row.id),
            now(),
          );
          await trx
            .updateTable('agents')
            .set((eb) => ({
              ...rotation.columns,
              version: eb('version', '+', 1),
              updated_at: now(),
            }))
            .where('tenant_id', '=', tenantId)
            .where('id', '=', row.id)
            .execute();
          await audit(trx, tenantId, actor, 'signing-secret-rotated', row.id, ['signingSecret']);
          return {
            signingSecret: rotation.signingSecret,
            previousValidUntil: rotation.previousValidUntil.toISOString(),
          };
        }),
      );
    },

    /** Deletes an agent with its conversations; the execution log keeps their calls. */
    async remove(tenantId: string, id: string, actor: string): Promise<void> {
      await writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          const row = await rowFor(trx, tenantId, id);
          await trx.deleteFrom('agents').where('tenant_id', '=', tenantId).where('id', '=', row.id).execute();
          await audit(trx, tenantId, actor, 'agent-deleted', row.id, []);
        }),
      );
    },

    /** The agent with its secrets opened, for a turn (cached briefly like reads). */
    async loadForTurn(tenantId: string, id: string): Promise<LoadedAgent> {
      const key = `${tenantId}/${id}`;
      const agent = await loaded.get(key, () => openForTurn(tenantId, id));
      if (agent.previousValidUntil === undefined || agent.previousValidUntil > now().getTime()) return agent;
      // The grace period ended while cached: the old secret stops signing on time.
      await loaded.delete(key);
      return loaded.get(key, () => openForTurn(tenantId, id));
    },
  };

  async function openForTurn(tenantId: string, id: string): Promise<LoadedAgent> {
    const row = await rowFor(db, tenantId, id);
    const { signingSecrets, previousValidUntil } = openSigningSecrets(
      box,
      row,
      signingPlaces(tenantId, row.id),
      now().getTime(),
    );
    return {
      id: row.id,
      tenantId,
      name: row.name,
      settings: row.settings as unknown as AgentSettings,
      ...(row.model_key ? { apiKey: box.open(row.model_key, keyPlace(tenantId, row.id)) } : {}),
      signingSecrets,
      ...(previousValidUntil === undefined ? {} : { previousValidUntil }),
      version: `${row.id}@${row.version}`,
    };
  }
}

export type AgentStore = ReturnType<typeof createAgentStore>;
