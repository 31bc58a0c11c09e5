import { randomUUID } from 'node:crypto';
import {
  type ActionDefinition,
  ConflictError,
  generateWebhookSecret,
  LimitReachedError,
  NotFoundError,
  safeValidateActionDefinition,
  type TargetCheck,
  ValidationError,
} from '@toolgate/core';
import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.js';
import type { CacheBus } from '../shared/cache-bus.js';
import { createTtlCache } from '../shared/ttl-cache.js';
import type { Database } from '../storage/schema.js';
import { ACTION_VIEWS_CACHE, createActionChanges } from './action-changes.js';
import { assertCodeCompiles, assertUrlsAllowed } from './action-save-checks.js';
import { joinSecrets, patchedAuth, sealedPlace, showDefinition, splitSecrets } from './action-secrets.js';
import { recordAudit } from './audit.js';
import { isRecord, mergeCode, mergeHeaders } from './merge-headers.js';
import { openSigningSecrets, rotateSigningSecret, type SigningPlaces } from './signing-secrets.js';

/**
 * Reads of a tenant's actions are served from memory this long. Writes through this process show
 * at once; another instance's writes show within this time.
 */
export const ACTION_READ_CACHE_MS = 2_000;

/** An action as the API shows it: no secret values. */
export interface StoredAction {
  id: string;
  definition: Record<string, unknown>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An action ready to call: secrets opened. */
export interface CallableAction {
  id: string;
  definition: ActionDefinition;
  signingSecrets: string[];
  /** When the second signing secret (after a rotation) stops being used, epoch ms. */
  previousValidUntil?: number;
}

/**
 * A change to an action. Header values: a string replaces, `null` removes, absent keeps.
 * `auth`: an object replaces (a credential field left out keeps the stored one when the type is
 * unchanged), `null` removes. Every other field replaces; `null` removes it.
 */
export type ActionPatch = {
  [Field in Exclude<keyof ActionDefinition, 'headers' | 'auth'>]?: ActionDefinition[Field] | null;
} & {
  headers?: Record<string, string | null>;
  auth?: Record<string, unknown> | null;
};

type Actor = string;

export interface ActionStoreOptions {
  db: Kysely<Database>;
  box: SecretBox;
  /** The outbound policy (`checkTarget` with the server's resolver and allowlist). */
  checkUrl: (url: string) => Promise<TargetCheck>;
  now?: () => Date;
  /** Carries cache deletes to the other instances on the database (none: this process only). */
  cacheBus?: CacheBus;
  /** Whether actions may run code (default true; `TOOLGATE_CODE_ACTIONS=off`: a definition with `code` is refused). */
  codeActions?: boolean;
}

const place = sealedPlace;

function signingPlaces(tenantId: string, id: string): SigningPlaces {
  return { current: place(tenantId, id, 'signing'), previous: place(tenantId, id, 'signing-previous') };
}

function invalid(error: { details: ValidationError['details']; message: string }): ValidationError {
  return new ValidationError(error.message, error.details);
}

/** The tenant-scoped store of actions. Every method takes the tenant: no query crosses tenants. */
export function createActionStore({
  db,
  box,
  checkUrl,
  now = () => new Date(),
  cacheBus,
  codeActions = true,
}: ActionStoreOptions) {
  const shared = (name: string) => (cacheBus ? { name, bus: cacheBus } : undefined);
  const views = createTtlCache<StoredAction[]>(
    ACTION_READ_CACHE_MS,
    10_000,
    Date.now,
    shared(ACTION_VIEWS_CACHE),
  );
  /** Opened actions for calls: a conversation's calls skip the read and the decryption. */
  const callable = createTtlCache<CallableAction>(
    ACTION_READ_CACHE_MS,
    10_000,
    () => now().getTime(),
    shared('action-callable'),
  );
  const changes = createActionChanges(cacheBus);
  /** Runs a write, forgets the tenant's cached views (after commit), tells listeners if `announce`. */
  async function writing<T>(tenantId: string, write: () => Promise<T>, announce = true): Promise<T> {
    let done = false;
    try {
      const result = await write();
      done = true;
      return result;
    } finally {
      await Promise.all([views.delete(tenantId), callable.deletePrefix(`${tenantId}/`)]);
      if (done && announce) changes.changed(tenantId);
    }
  }

  function sealAll(
    tenantId: string,
    actionId: string,
    secrets: Record<string, string>,
  ): Record<string, string> {
    return Object.fromEntries(
      Object.entries(secrets).map(([key, value]) => [key, box.seal(value, place(tenantId, actionId, key))]),
    );
  }
  function openAll(
    tenantId: string,
    actionId: string,
    sealed: Record<string, string>,
  ): Record<string, string> {
    return Object.fromEntries(
      Object.entries(sealed).map(([key, value]) => [key, box.open(value, place(tenantId, actionId, key))]),
    );
  }
  function show(row: {
    id: string;
    definition: unknown;
    enabled: boolean;
    created_at: Date | string;
    updated_at: Date | string;
  }): StoredAction {
    return {
      id: row.id,
      definition: showDefinition(row.definition as ActionDefinition),
      enabled: row.enabled,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
  function audit(
    trx: Transaction<Database>,
    tenantId: string,
    actor: Actor,
    event: string,
    targetId: string,
    fields: string[],
  ) {
    return recordAudit(trx, { tenantId, actor, event, targetType: 'action', targetId, fields }, now());
  }
  /** Names are unique per tenant: a taken one is a 409 at `/name`. */
  async function assertNameFree(trx: Transaction<Database>, tenantId: string, name: string): Promise<void> {
    const taken = await trx
      .selectFrom('actions')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (taken) {
      throw new ConflictError(`an action named ${name} already exists`, [
        { path: '/name', message: 'is already used by another action' },
      ]);
    }
  }
  async function listFromDatabase(tenantId: string): Promise<StoredAction[]> {
    const rows = await db
      .selectFrom('actions')
      .select(['id', 'definition', 'enabled', 'created_at', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(show);
  }
  async function rowFor(trx: Kysely<Database> | Transaction<Database>, tenantId: string, id: string) {
    const row = await trx
      .selectFrom('actions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('action');
    return row;
  }

  return {
    /** Hears of created, changed and deleted actions, this instance's and (with a bus) others'. */
    onChange: changes.subscribe,

    /** Creates an action; returns it and its signing secret, which is shown this once. */
    async create(
      tenantId: string,
      input: unknown,
      actor: Actor,
    ): Promise<{ action: StoredAction; signingSecret: string }> {
      const checked = safeValidateActionDefinition(input);
      if (!checked.success) throw invalid(checked.error);
      const definition = checked.value;
      await assertUrlsAllowed(definition, checkUrl);
      await assertCodeCompiles(definition, codeActions);
      const id = `act_${randomUUID().replaceAll('-', '')}`;
      const signingSecret = generateWebhookSecret();
      const { publicDefinition, secrets } = splitSecrets(definition);
      const at = now();
      return writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          const tenant = await trx
            .selectFrom('tenants')
            .select('max_actions')
            .where('id', '=', tenantId)
            .forUpdate()
            .executeTakeFirst();
          if (!tenant) throw new NotFoundError('tenant');
          const { count } = await trx
            .selectFrom('actions')
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .where('tenant_id', '=', tenantId)
            .executeTakeFirstOrThrow();
          if (Number(count) >= tenant.max_actions) {
            throw new LimitReachedError(
              `this tenant may have at most ${tenant.max_actions} action${tenant.max_actions === 1 ? '' : 's'} (its limit); delete one, or an admin can raise the limit (Settings in the admin app, or PATCH /api/v1/tenant with maxActions)`,
            );
          }
          await assertNameFree(trx, tenantId, definition.name);
          const row = {
            id,
            tenant_id: tenantId,
            name: definition.name,
            definition: JSON.stringify(publicDefinition),
            secrets: JSON.stringify(sealAll(tenantId, id, secrets)),
            signing_secret: box.seal(signingSecret, place(tenantId, id, 'signing')),
            previous_signing_secret: null,
            previous_signing_secret_expires_at: null,
            enabled: definition.enabled ?? true,
            created_at: at,
            updated_at: at,
          };
          await trx.insertInto('actions').values(row).execute();
          await audit(trx, tenantId, actor, 'action-created', id, Object.keys(definition).sort());
          return { action: show({ ...row, definition: publicDefinition }), signingSecret };
        }),
      );
    },

    list(tenantId: string): Promise<StoredAction[]> {
      return views.get(tenantId, () => listFromDatabase(tenantId));
    },

    async get(tenantId: string, id: string): Promise<StoredAction> {
      const cached = (await this.list(tenantId)).find((action) => action.id === id);
      return cached ?? show(await rowFor(db, tenantId, id));
    },

    /** Applies a patch; the result must be a valid definition. */
    async update(tenantId: string, id: string, patch: ActionPatch, actor: Actor): Promise<StoredAction> {
      return writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          const row = await rowFor(trx, tenantId, id);
          const current = joinSecrets(
            row.definition as unknown as ActionDefinition,
            openAll(tenantId, id, row.secrets),
          );
          const next: Record<string, unknown> = { ...current };
          for (const [key, value] of Object.entries(patch)) {
            if (key === 'headers' || key === 'auth' || key === 'code') continue;
            if (value === null) delete next[key];
            else next[key] = value;
          }
          // Type problems are left to the definition's validator: what is not an object is passed
          // on as it is (spreading a string would make a key of every character).
          if (patch.headers !== undefined) {
            next.headers = isRecord(patch.headers)
              ? mergeHeaders(current.headers ?? {}, patch.headers)
              : patch.headers;
          }
          if (patch.auth === null) delete next.auth;
          else if (patch.auth !== undefined && !isRecord(patch.auth)) next.auth = patch.auth;
          else if (patch.auth !== undefined) next.auth = patchedAuth(current.auth, patch.auth);
          if (patch.code === null) delete next.code;
          else if (patch.code !== undefined) next.code = mergeCode(current.code, patch.code);
          const checked = safeValidateActionDefinition(next);
          if (!checked.success) throw invalid(checked.error);
          const definition = checked.value;
          await assertUrlsAllowed(definition, checkUrl);
          await assertCodeCompiles(definition, codeActions);
          if (definition.name !== row.name) {
            await assertNameFree(trx, tenantId, definition.name);
          }
          const { publicDefinition, secrets } = splitSecrets(definition);
          const at = now();
          await trx
            .updateTable('actions')
            .set({
              name: definition.name,
              definition: JSON.stringify(publicDefinition),
              secrets: JSON.stringify(sealAll(tenantId, id, secrets)),
              enabled: definition.enabled ?? true,
              updated_at: at,
            })
            .where('tenant_id', '=', tenantId)
            .where('id', '=', id)
            .execute();
          await audit(trx, tenantId, actor, 'action-updated', id, Object.keys(patch).sort());
          return show({
            ...row,
            definition: publicDefinition,
            enabled: definition.enabled ?? true,
            updated_at: at,
          });
        }),
      );
    },

    async remove(tenantId: string, id: string, actor: Actor): Promise<void> {
      await writing(tenantId, () =>
        db.transaction().execute(async (trx) => {
          await rowFor(trx, tenantId, id);
          await trx.deleteFrom('actions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
          await audit(trx, tenantId, actor, 'action-deleted', id, []);
        }),
      );
    },

    /** Issues a new signing secret; the old one keeps signing for the grace period. */
    async rotateSigningSecret(
      tenantId: string,
      id: string,
      actor: Actor,
    ): Promise<{ signingSecret: string; previousValidUntil: string }> {
      return writing(
        tenantId,
        () =>
          db.transaction().execute(async (trx) => {
            const row = await rowFor(trx, tenantId, id);
            const rotation = rotateSigningSecret(box, row.signing_secret, signingPlaces(tenantId, id), now());
            await trx
              .updateTable('actions')
              .set({
                ...rotation.columns,
                updated_at: now(),
              })
              .where('tenant_id', '=', tenantId)
              .where('id', '=', id)
              .execute();
            await audit(trx, tenantId, actor, 'signing-secret-rotated', id, ['signingSecret']);
            return {
              signingSecret: rotation.signingSecret,
              previousValidUntil: rotation.previousValidUntil.toISOString(),
            };
          }),
        false,
      );
    },

    /** The action with its secrets opened, for the executor; never for an API response. */
    async loadForCall(tenantId: string, id: string): Promise<CallableAction> {
      const key = `${tenantId}/${id}`;
      const opened = await callable.get(key, () => openForCall(tenantId, id));
      if (opened.previousValidUntil === undefined || opened.previousValidUntil > now().getTime())
        return opened;
      // The grace period ended while cached: the old secret stops signing on time.
      await callable.delete(key);
      return callable.get(key, () => openForCall(tenantId, id));
    },
  };

  async function openForCall(tenantId: string, id: string): Promise<CallableAction> {
    const row = await rowFor(db, tenantId, id);
    const signing = openSigningSecrets(box, row, signingPlaces(tenantId, id), now().getTime());
    return {
      ...signing,
      id,
      definition: joinSecrets(
        row.definition as unknown as ActionDefinition,
        openAll(tenantId, id, row.secrets),
      ),
    };
  }
}

export type ActionStore = ReturnType<typeof createActionStore>;
