import { randomUUID } from 'node:crypto';
import {
  generateWebhookSecret,
  LimitReachedError,
  NotFoundError,
  type TargetCheck,
  ValidationError,
} from '@toolgate/core';
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { LoadedSubscription } from '../deliveries/active-subscriptions.js';
import type { Writer } from '../deliveries/delivery-types.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Database, SubscriptionStatus, SubscriptionTable } from '../storage/schema.js';
import { recordAudit } from './audit.js';
import { openSigningSecrets, rotateSigningSecret, type SigningPlaces } from './signing-secrets.js';

/** A tenant may have this many subscriptions. */
export const MAX_SUBSCRIPTIONS_PER_TENANT = 50;
/** Subscription ids look like this. */
export const SUBSCRIPTION_ID = /^sub_[0-9a-f]{32}$/;

/** A new subscription, as the API's checked body gives it (http/schemas/subscriptions.ts). */
export interface SubscriptionInput {
  url: string;
  description?: string;
  eventTypes?: string[];
  agentIds?: string[];
  retryScheduleMs?: number[] | null;
}

/** A change to a subscription: absent fields stay; a `null` description clears it. */
export interface SubscriptionPatch extends Omit<SubscriptionInput, 'url' | 'description'> {
  url?: string;
  description?: string | null;
}

type SubscriptionRow = Selectable<SubscriptionTable>;

/** A subscription as the API shows it: never a secret. */
export interface SubscriptionView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  agentIds: string[];
  status: SubscriptionStatus;
  disabledReason: string | null;
  retryScheduleMs: number[] | null;
  createdAt: string;
  updatedAt: string;
}

/** What a sealed value of a subscription is bound to. */
export function subscriptionSecretPlace(tenantId: string, id: string, what: 'signing' | 'signing-previous') {
  return `subscription:${tenantId}/${id}/${what}`;
}

function places(tenantId: string, id: string): SigningPlaces {
  return {
    current: subscriptionSecretPlace(tenantId, id, 'signing'),
    previous: subscriptionSecretPlace(tenantId, id, 'signing-previous'),
  };
}

function show(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as string[],
    agentIds: row.agent_ids as string[],
    status: row.status,
    disabledReason: row.disabled_reason,
    retryScheduleMs: (row.retry_schedule as number[] | null) ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface SubscriptionStoreOptions {
  db: Kysely<Database>;
  box: SecretBox;
  /** The outbound policy actions use (the server's resolver and allowlist). */
  checkUrl: (url: string) => Promise<TargetCheck>;
  now?: () => Date;
  /**
   * Told a tenant's subscriptions changed, once the change is written (the emitter's cache, which
   * tells the other instances).
   */
  changed?: (tenantId: string) => Promise<void>;
}

/** The tenant-scoped store of event subscriptions. */
export function createSubscriptionStore(options: SubscriptionStoreOptions) {
  const { db, box, checkUrl, now = () => new Date() } = options;
  const changed = options.changed ?? (async () => {});

  /** Like an action's URL: https and the outbound policy; a name that does not resolve yet is accepted. */
  async function assertUrlAllowed(url: string): Promise<void> {
    const check = await checkUrl(url);
    if (!check.allowed && check.code !== 'unresolvable') {
      throw new ValidationError(`the URL is not allowed: ${check.reason}`, [
        { path: '/url', message: `${check.reason} (${check.code})` },
      ]);
    }
  }

  async function rowFor(
    writer: Writer,
    tenantId: string,
    id: string,
    lock = false,
  ): Promise<SubscriptionRow> {
    if (!SUBSCRIPTION_ID.test(id)) throw new NotFoundError('subscription');
    let query = writer
      .selectFrom('subscriptions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError('subscription');
    return row as SubscriptionRow;
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
      { tenantId, actor, event, targetType: 'subscription', targetId: id, fields },
      now(),
    );
  }

  /** Changes one row's columns with an audit entry; returns the new view. */
  async function change(
    tenantId: string,
    id: string,
    actor: string,
    event: string,
    columns: (row: SubscriptionRow) => Updateable<SubscriptionTable>,
    fields: string[],
  ): Promise<SubscriptionView> {
    const view = await db.transaction().execute(async (trx) => {
      const row = await rowFor(trx, tenantId, id, true);
      const set = { ...columns(row), updated_at: now() };
      await trx
        .updateTable('subscriptions')
        .set(set)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
      await audit(trx, tenantId, actor, event, id, fields);
      return show(await rowFor(trx, tenantId, id));
    });
    await changed(tenantId);
    return view;
  }

  return {
    /** Creates a subscription; its signing secret is returned this once. */
    async create(
      tenantId: string,
      input: SubscriptionInput,
      actor: string,
    ): Promise<{ subscription: SubscriptionView; signingSecret: string }> {
      await assertUrlAllowed(input.url);
      const id = `sub_${randomUUID().replaceAll('-', '')}`;
      const signingSecret = generateWebhookSecret();
      const at = now();
      const created = await db.transaction().execute(async (trx) => {
        const { count } = await trx
          .selectFrom('subscriptions')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('tenant_id', '=', tenantId)
          .executeTakeFirstOrThrow();
        if (Number(count) >= MAX_SUBSCRIPTIONS_PER_TENANT) {
          throw new LimitReachedError(
            `a tenant may have at most ${MAX_SUBSCRIPTIONS_PER_TENANT} subscriptions`,
          );
        }
        const row = {
          id,
          tenant_id: tenantId,
          url: input.url,
          description: input.description ?? null,
          event_types: JSON.stringify(input.eventTypes ?? []),
          agent_ids: JSON.stringify(input.agentIds ?? []),
          signing_secret: box.seal(signingSecret, places(tenantId, id).current),
          previous_signing_secret: null,
          previous_signing_secret_expires_at: null,
          status: 'active' as const,
          disabled_reason: null,
          retry_schedule: input.retryScheduleMs == null ? null : JSON.stringify(input.retryScheduleMs),
          created_at: at,
          updated_at: at,
        };
        await trx.insertInto('subscriptions').values(row).execute();
        await audit(trx, tenantId, actor, 'subscription-created', id, Object.keys(input).sort());
        return { subscription: show(await rowFor(trx, tenantId, id)), signingSecret };
      });
      await changed(tenantId);
      return created;
    },

    async list(tenantId: string): Promise<SubscriptionView[]> {
      const rows = await db
        .selectFrom('subscriptions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => show(row as SubscriptionRow));
    },

    async get(tenantId: string, id: string): Promise<SubscriptionView> {
      return show(await rowFor(db, tenantId, id));
    },

    /** A field replaces, `null` removes (description, schedule), absent keeps. */
    async update(
      tenantId: string,
      id: string,
      patch: SubscriptionPatch,
      actor: string,
    ): Promise<SubscriptionView> {
      if (patch.url !== undefined) await assertUrlAllowed(patch.url);
      return change(
        tenantId,
        id,
        actor,
        'subscription-updated',
        () => ({
          ...(patch.url !== undefined ? { url: patch.url } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.eventTypes !== undefined ? { event_types: JSON.stringify(patch.eventTypes) } : {}),
          ...(patch.agentIds !== undefined ? { agent_ids: JSON.stringify(patch.agentIds) } : {}),
          ...(patch.retryScheduleMs !== undefined
            ? {
                retry_schedule: patch.retryScheduleMs === null ? null : JSON.stringify(patch.retryScheduleMs),
              }
            : {}),
        }),
        Object.keys(patch).sort(),
      );
    },

    /**
     * Pauses (events are not queued for it; rows already queued wait) or resumes (also re-activates
     * one disabled by a 410, and makes its waiting rows due now).
     */
    async setPaused(tenantId: string, id: string, paused: boolean, actor: string): Promise<SubscriptionView> {
      const view = await change(
        tenantId,
        id,
        actor,
        paused ? 'subscription-paused' : 'subscription-resumed',
        () => ({ status: paused ? 'paused' : 'active', disabled_reason: null }),
        ['status'],
      );
      // Rows queued before the pause waited (deferred, not counted): due again now.
      if (!paused)
        await db
          .updateTable('deliveries')
          .set({ next_attempt_at: now() })
          .where('tenant_id', '=', tenantId)
          .where('subscription_id', '=', id)
          .where('status', '=', 'pending')
          .where('claimed_by', 'is', null)
          .execute();
      return view;
    },

    /** Disables a subscription whose receiver answered 410 Gone; with the caller's writer (the worker's). */
    async disable(writer: Writer, tenantId: string, id: string, reason: string): Promise<void> {
      await writer
        .updateTable('subscriptions')
        .set({ status: 'disabled', disabled_reason: reason, updated_at: now() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
      // Inside the worker's transaction: a read before it commits may cache the old status, for
      // at most the cache's TTL.
      await changed(tenantId);
    },

    /** Issues a new signing secret; the old one keeps signing for the grace period. */
    async rotateSigningSecret(
      tenantId: string,
      id: string,
      actor: string,
    ): Promise<{ signingSecret: string; previousValidUntil: string }> {
      return db.transaction().execute(async (trx) => {
        const row = await rowFor(trx, tenantId, id, true);
        const rotation = rotateSigningSecret(box, row.signing_secret, places(tenantId, id), now());
        await trx
          .updateTable('subscriptions')
          .set({ ...rotation.columns, updated_at: now() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
        await audit(trx, tenantId, actor, 'signing-secret-rotated', id, ['signingSecret']);
        return {
          signingSecret: rotation.signingSecret,
          previousValidUntil: rotation.previousValidUntil.toISOString(),
        };
      });
    },

    async remove(tenantId: string, id: string, actor: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await rowFor(trx, tenantId, id);
        await trx
          .deleteFrom('subscriptions')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
        await audit(trx, tenantId, actor, 'subscription-deleted', id, []);
      });
      await changed(tenantId);
    },

    /** The URL and opened secrets for one attempt; NotFoundError when the subscription is gone. */
    async loadForDelivery(tenantId: string, id: string): Promise<LoadedSubscription> {
      const row = await rowFor(db, tenantId, id);
      const { signingSecrets } = openSigningSecrets(box, row, places(tenantId, id), now().getTime());
      return { id, tenantId, url: row.url, status: row.status, signingSecrets };
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
