import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv, AppServices } from '../app-env.js';
import { MAX_INBOUND_BODY_BYTES } from '../inbound-channels.js';
import { readBodyText } from '../read-json.js';
import {
  ChannelReply,
  ChannelView,
  CreateChannelBody,
  CreatedChannel,
  PatchChannelBody,
  RotateChannelSecretBody,
  RotatedChannelSecret,
} from '../schemas/channels.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';

/** The agent of the path (by id or name) in the caller's tenant, and the `{channel}` segment. */
async function target(c: Context<AppEnv>, services: AppServices) {
  const { tenantId, actor } = c.get('principal');
  const agent = await services.agents.get(tenantId, idParam(c));
  return { tenantId, actor, agentId: agent.id, name: c.req.param('channel') ?? '' };
}

/** Inbound channels of an agent (docs/channels.md): managed with the agents scopes. */
export const channelsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/agents/{id}/channels',
    summary:
      "Add an inbound channel to an agent; a generic channel's signing secret is returned this once, a Twilio channel takes the account's auth token",
    tag: 'channels',
    scope: 'agents:manage',
    body: CreateChannelBody,
    responses: { 201: CreatedChannel, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, services, { body }) {
      const { tenantId, actor, agentId } = await target(c, services);
      return c.json(await services.channels.create(tenantId, agentId, body, actor), 201);
    },
  }),
  {
    method: 'get',
    path: '/agents/{id}/channels',
    summary: "List an agent's inbound channels (secrets are never shown)",
    tag: 'channels',
    scope: 'agents:read',
    responses: { 200: Type.Object({ channels: Type.Array(ChannelView) }), ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, agentId } = await target(c, services);
      return c.json({ channels: await services.channels.list(tenantId, agentId) });
    },
  },
  {
    method: 'get',
    path: '/agents/{id}/channels/{channel}',
    summary: 'Read one inbound channel',
    tag: 'channels',
    scope: 'agents:read',
    responses: { 200: ChannelView, ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, agentId, name } = await target(c, services);
      return c.json(await services.channels.get(tenantId, agentId, name));
    },
  },
  defineRoute({
    method: 'patch',
    path: '/agents/{id}/channels/{channel}',
    summary: "Change a channel's reply mode or outbound URL",
    tag: 'channels',
    scope: 'agents:manage',
    body: PatchChannelBody,
    responses: { 200: ChannelView, ...COMMON_ERRORS, 413: ErrorBody, 422: ErrorBody },
    async handler(c, services, { body }) {
      const { tenantId, actor, agentId, name } = await target(c, services);
      return c.json(await services.channels.update(tenantId, agentId, name, body, actor));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/agents/{id}/channels/{channel}/secret/rotate',
    summary:
      'Rotate the inbound secret (generic: a new one, shown once; Twilio: send the new auth token); the old one is still accepted for 24 hours',
    tag: 'channels',
    scope: 'agents:manage',
    body: RotateChannelSecretBody,
    emptyBody: {},
    responses: { 200: RotatedChannelSecret, ...COMMON_ERRORS, 413: ErrorBody, 422: ErrorBody },
    async handler(c, services, { body }) {
      const { tenantId, actor, agentId, name } = await target(c, services);
      return c.json(await services.channels.rotateSecret(tenantId, agentId, name, body, actor));
    },
  }),
  {
    method: 'delete',
    path: '/agents/{id}/channels/{channel}',
    summary: 'Delete a channel (its conversations stay)',
    tag: 'channels',
    scope: 'agents:manage',
    responses: { 204: 'Deleted', ...COMMON_ERRORS },
    async handler(c, services) {
      const { tenantId, actor, agentId, name } = await target(c, services);
      await services.channels.remove(tenantId, agentId, name, actor);
      return c.body(null, 204);
    },
  },
  {
    method: 'post',
    path: '/agents/{id}/chat/{channel}',
    summary:
      "A platform's customer message, authenticated by the channel's signature, no API key. generic: Standard Webhooks headers and a JSON {contactId, text, metadata?}; twilio_sms: X-Twilio-Signature and Twilio's form fields, answered with TwiML",
    tag: 'channels',
    scope: null,
    responses: {
      200: ChannelReply,
      202: ChannelReply,
      400: ErrorBody,
      401: ErrorBody,
      409: ErrorBody,
      413: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, services) {
      const body = await readBodyText(c, MAX_INBOUND_BODY_BYTES);
      return services.inboundChannels.receive({
        agentId: idParam(c),
        channelName: c.req.param('channel') ?? '',
        headers: c.req.raw.headers,
        body,
        url: c.req.url,
      });
    },
  },
];
