import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  generateWebhookSecret,
  LimitReachedError,
  NotFoundError,
  type TargetCheck,
  ValidationError,
  type ValidationIssue,
} from '@toolgate/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.js';
import type { ChannelKind, ChannelReplyMode, ChannelTable, Database } from '../storage/schema.js';
import { recordAudit } from './audit.js';
import { SIGNING_SECRET_GRACE_MS } from './signing-secrets.js';

/** An agent may have this many channels: one per platform and a few test ones. */
export const MAX_CHANNELS_PER_AGENT = 20;

/** A channel as the API shows it: never a secret. */
export interface ChannelView {
  id: string;
  agentId: string;
  name: string;
  kind: ChannelKind;
  replyMode: ChannelReplyMode;
  outboundUrl: string | null;
  /** The path the platform posts to, relative to the server's public URL. */
  inboundPath: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChannelInput {
  name: string;
  kind: ChannelKind;
  replyMode?: ChannelReplyMode;
  outboundUrl?: string | null;
  /** Twilio channels: the account's auth token, which signs Twilio's requests. */
  authToken?: string;
}

export type ChannelPatch = Partial<Pick<ChannelInput, 'replyMode' | 'outboundUrl'>>;

/** A channel with its secrets opened, for verifying an inbound request. Never for a response. */
export interface InboundChannel {
  id: string;
  tenantId: string;
  agentId: string;
  name: string;
  kind: ChannelKind;
  replyMode: ChannelReplyMode;
  outboundUrl: string | null;
  /** The current secret first, then the previous one while its grace lasts. */
  secrets: string[];
}

/** What a channel's sealed secret is bound to: another row's or tenant's value does not open. */
export function channelSecretPlace(tenantId: string, channelId: string, what: 'secret' | 'secret-previous') {
  return `channel:${tenantId}/${channelId}/${what}`;
}

function show(row: Selectable<ChannelTable>): ChannelView {
  return {
    id: row.id,
    agentId: row.agent_id,
    name: row.name,
    kind: row.kind,
    replyMode: row.reply_mode,
    outboundUrl: row.outbound_url,
    inboundPath: `/api/v1/agents/${row.agent_id}/chat/${row.name}`,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The tenant-scoped store of inbound channels (docs/channels.md). A generic channel's secret is
 * generated here and shown once; a Twilio channel's is the operator's Twilio auth token.
 */
export function createChannelStore(options: {
  db: Kysely<Database>;
  box: SecretBox;
  /** The outbound policy, for `outboundUrl`. */
  checkUrl: (url: string) => Promise<TargetCheck>;
  now?: () => Date;
}) {
  const { db, box, now = () => new Date() } = options;

  /** The mode and URL together make sense, and the URL passes the outbound policy. */
  async function assertValid(kind: ChannelKind, replyMode: ChannelReplyMode, outboundUrl: string | null) {
    const issues: ValidationIssue[] = [];
    if (kind === 'twilio_sms' && replyMode !== 'inline') {
      issues.push({ path: '/replyMode', message: 'a Twilio SMS channel answers inline, with TwiML' });
    }
    if (replyMode === 'outbound' && outboundUrl === null) {
      issues.push({ path: '/outboundUrl', message: 'is required when replyMode is outbound' });
    }
    if (outboundUrl !== null) {
      const verdict = await options.checkUrl(outboundUrl);
      if (!verdict.allowed && verdict.code !== 'unresolvable') {
        issues.push({ path: '/outboundUrl', message: `${verdict.reason} (${verdict.code})` });
      }
    }
    if (issues.length > 0) throw new ValidationError('the channel is not valid', issues);
  }

  async function rowFor(
    trx: Kysely<Database> | Transaction<Database>,
    tenantId: string,
    agentId: string,
    name: string,
    lock = false,
  ) {
    let query = trx
      .selectFrom('channels')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId)
      .where('name', '=', name);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError('channel');
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
    return recordAudit(trx, { tenantId, actor, event, targetType: 'channel', targetId: id, fields }, now());
  }

  return {
    /** Creates a channel of an agent (`agentId` already resolved in the tenant); a generic channel's secret is returned this once. */
    async create(
      tenantId: string,
      agentId: string,
      input: ChannelInput,
      actor: string,
    ): Promise<{ channel: ChannelView; signingSecret?: string }> {
      const replyMode = input.replyMode ?? 'inline';
      const outboundUrl = input.outboundUrl ?? null;
      if (input.kind === 'twilio_sms' && input.authToken === undefined) {
        throw new ValidationError('a Twilio channel needs the auth token', [
          {
            path: '/authToken',
            message: "is required for twilio_sms: Twilio signs its requests with the account's auth token",
          },
        ]);
      }
      if (input.kind === 'generic' && input.authToken !== undefined) {
        throw new ValidationError('a generic channel generates its own secret', [
          { path: '/authToken', message: 'is only for twilio_sms channels' },
        ]);
      }
      await assertValid(input.kind, replyMode, outboundUrl);
      const id = `chn_${randomUUID().replaceAll('-', '')}`;
      const secret = input.kind === 'generic' ? generateWebhookSecret() : (input.authToken as string);
      const at = now();
      return db.transaction().execute(async (trx) => {
        const { count } = await trx
          .selectFrom('channels')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('tenant_id', '=', tenantId)
          .where('agent_id', '=', agentId)
          .executeTakeFirstOrThrow();
        if (Number(count) >= MAX_CHANNELS_PER_AGENT) {
          throw new LimitReachedError(`an agent may have at most ${MAX_CHANNELS_PER_AGENT} channels`);
        }
        const taken = await trx
          .selectFrom('channels')
          .select('id')
          .where('agent_id', '=', agentId)
          .where('name', '=', input.name)
          .executeTakeFirst();
        if (taken) {
          throw new ConflictError(`this agent already has a channel named ${input.name}`, [
            { path: '/name', message: 'is already used by another channel of this agent' },
          ]);
        }
        const row = {
          id,
          tenant_id: tenantId,
          agent_id: agentId,
          name: input.name,
          kind: input.kind,
          secret: box.seal(secret, channelSecretPlace(tenantId, id, 'secret')),
          previous_secret: null,
          previous_secret_expires_at: null,
          outbound_url: outboundUrl,
          reply_mode: replyMode,
          created_at: at,
          updated_at: at,
        };
        await trx.insertInto('channels').values(row).execute();
        await audit(trx, tenantId, actor, 'channel-created', id, Object.keys(input).sort());
        return { channel: show(row), ...(input.kind === 'generic' ? { signingSecret: secret } : {}) };
      });
    },

    async list(tenantId: string, agentId: string): Promise<ChannelView[]> {
      const rows = await db
        .selectFrom('channels')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('agent_id', '=', agentId)
        .orderBy('name')
        .execute();
      return rows.map(show);
    },

    async get(tenantId: string, agentId: string, name: string): Promise<ChannelView> {
      return show(await rowFor(db, tenantId, agentId, name));
    },

    /** Changes the reply mode or outbound URL (`null` removes it). */
    async update(
      tenantId: string,
      agentId: string,
      name: string,
      patch: ChannelPatch,
      actor: string,
    ): Promise<ChannelView> {
      return db.transaction().execute(async (trx) => {
        const row = await rowFor(trx, tenantId, agentId, name, true);
        const replyMode = patch.replyMode ?? row.reply_mode;
        const outboundUrl = patch.outboundUrl === undefined ? row.outbound_url : patch.outboundUrl;
        await assertValid(row.kind, replyMode, outboundUrl);
        const at = now();
        await trx
          .updateTable('channels')
          .set({ reply_mode: replyMode, outbound_url: outboundUrl, updated_at: at })
          .where('id', '=', row.id)
          .execute();
        await audit(trx, tenantId, actor, 'channel-updated', row.id, Object.keys(patch).sort());
        return show({ ...row, reply_mode: replyMode, outbound_url: outboundUrl, updated_at: at });
      });
    },

    /**
     * A new inbound secret: generated for a generic channel (returned this once), the given auth
     * token for a Twilio one. The previous secret is still accepted for the grace period.
     */
    async rotateSecret(
      tenantId: string,
      agentId: string,
      name: string,
      input: { authToken?: string },
      actor: string,
    ): Promise<{ signingSecret?: string; previousValidUntil: string }> {
      return db.transaction().execute(async (trx) => {
        const row = await rowFor(trx, tenantId, agentId, name, true);
        if ((row.kind === 'twilio_sms') !== (input.authToken !== undefined)) {
          throw new ValidationError('the rotation does not fit the channel', [
            {
              path: '/authToken',
              message:
                row.kind === 'twilio_sms'
                  ? 'send the new Twilio auth token'
                  : 'is only for twilio_sms channels; a generic channel generates its secret',
            },
          ]);
        }
        const secret = row.kind === 'generic' ? generateWebhookSecret() : (input.authToken as string);
        const at = now();
        const previousValidUntil = new Date(at.getTime() + SIGNING_SECRET_GRACE_MS);
        const current = box.open(row.secret, channelSecretPlace(tenantId, row.id, 'secret'));
        await trx
          .updateTable('channels')
          .set({
            secret: box.seal(secret, channelSecretPlace(tenantId, row.id, 'secret')),
            previous_secret: box.seal(current, channelSecretPlace(tenantId, row.id, 'secret-previous')),
            previous_secret_expires_at: previousValidUntil,
            updated_at: at,
          })
          .where('id', '=', row.id)
          .execute();
        await audit(trx, tenantId, actor, 'channel-secret-rotated', row.id, ['secret']);
        return {
          ...(row.kind === 'generic' ? { signingSecret: secret } : {}),
          previousValidUntil: previousValidUntil.toISOString(),
        };
      });
    },

    async remove(tenantId: string, agentId: string, name: string, actor: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await rowFor(trx, tenantId, agentId, name);
        await trx.deleteFrom('channels').where('id', '=', row.id).execute();
        await audit(trx, tenantId, actor, 'channel-deleted', row.id, []);
      });
    },

    /**
     * The channel an inbound request names, secrets opened, or `undefined`. Not tenant-scoped: the
     * request carries no credential but its signature, which the caller verifies next.
     */
    async findForInbound(agentId: string, name: string): Promise<InboundChannel | undefined> {
      const row = await db
        .selectFrom('channels')
        .selectAll()
        .where('agent_id', '=', agentId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row && opened(row);
    },

    /** A channel of the tenant by id, secrets opened (the reply handler), or `undefined`. */
    async findById(tenantId: string, id: string): Promise<InboundChannel | undefined> {
      const row = await db
        .selectFrom('channels')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && opened(row);
    },
  };

  function opened(row: Selectable<ChannelTable>): InboundChannel {
    const secrets = [box.open(row.secret, channelSecretPlace(row.tenant_id, row.id, 'secret'))];
    const expires = row.previous_secret_expires_at;
    if (row.previous_secret && expires && new Date(expires).getTime() > now().getTime()) {
      secrets.push(
        box.open(row.previous_secret, channelSecretPlace(row.tenant_id, row.id, 'secret-previous')),
      );
    }
    return {
      id: row.id,
      tenantId: row.tenant_id,
      agentId: row.agent_id,
      name: row.name,
      kind: row.kind,
      replyMode: row.reply_mode,
      outboundUrl: row.outbound_url,
      secrets,
    };
  }
}

export type ChannelStore = ReturnType<typeof createChannelStore>;
