import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { ActionPatch } from '../../stores/action-store.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv } from '../app-env.js';
import { withRequestId } from '../request-id.js';
import { ActionView, CreateActionBody, CreatedAction, PatchActionBody } from '../schemas/actions.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';

/**
 * Serialized views, by the identity of the cached objects the store returns: the store hands out
 * the same objects until a write replaces them, so each is serialized once, not per request.
 */
const serialized = new WeakMap<object, string>();
function jsonOnce(c: Context<AppEnv>, key: object, build: () => unknown): Response {
  let text = serialized.get(key);
  if (text === undefined) {
    text = JSON.stringify(build());
    serialized.set(key, text);
  }
  return c.body(text, 200, withRequestId(c, { 'content-type': 'application/json' }));
}

/** The actions API: definitions, write-only secrets, signing secret rotation. */
export const actionsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/actions',
    summary: 'Create an action; its signing secret is returned this once',
    tag: 'actions',
    scope: 'webhooks:manage',
    body: CreateActionBody,
    fieldsCheckedBy: 'core',
    responses: { 201: CreatedAction, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { actions }, { body }) {
      const principal = c.get('principal');
      const created = await actions.create(principal.tenantId, body, principal.actor);
      return c.json(created, 201);
    },
  }),
  {
    method: 'get',
    path: '/actions',
    summary: "List the tenant's actions (secret values are never shown)",
    tag: 'actions',
    scope: 'webhooks:read',
    responses: { 200: Type.Object({ actions: Type.Array(ActionView) }), ...COMMON_ERRORS },
    async handler(c, { actions }) {
      const list = await actions.list(c.get('principal').tenantId);
      return jsonOnce(c, list, () => ({ actions: list }));
    },
  },
  {
    method: 'get',
    path: '/actions/{id}',
    summary: 'Read one action',
    tag: 'actions',
    scope: 'webhooks:read',
    responses: { 200: ActionView, ...COMMON_ERRORS },
    async handler(c, { actions }) {
      const action = await actions.get(c.get('principal').tenantId, idParam(c));
      return jsonOnce(c, action, () => action);
    },
  },
  defineRoute({
    method: 'patch',
    path: '/actions/{id}',
    summary: 'Change an action: each header and credential can be kept, replaced or removed',
    tag: 'actions',
    scope: 'webhooks:manage',
    body: PatchActionBody,
    fieldsCheckedBy: 'core',
    responses: { 200: ActionView, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { actions }, { body: patch }) {
      const principal = c.get('principal');
      // The store merges the patch and core's validator checks every field of the result.
      const change = patch as ActionPatch;
      return c.json(await actions.update(principal.tenantId, idParam(c), change, principal.actor));
    },
  }),
  {
    method: 'delete',
    path: '/actions/{id}',
    summary: 'Delete an action (its execution log stays until retention purges it)',
    tag: 'actions',
    scope: 'webhooks:manage',
    responses: { 204: 'Deleted', ...COMMON_ERRORS },
    async handler(c, { actions }) {
      const principal = c.get('principal');
      await actions.remove(principal.tenantId, idParam(c), principal.actor);
      return c.body(null, 204);
    },
  },
  {
    method: 'post',
    path: '/actions/{id}/signing-secret/rotate',
    summary: 'Issue a new signing secret; the old one keeps signing for 24 hours',
    tag: 'actions',
    scope: 'webhooks:manage',
    responses: {
      200: Type.Object({
        signingSecret: Type.String(),
        previousValidUntil: Type.String({ format: 'date-time' }),
      }),
      ...COMMON_ERRORS,
    },
    async handler(c, { actions }) {
      const principal = c.get('principal');
      const rotated = await actions.rotateSigningSecret(principal.tenantId, idParam(c), principal.actor);
      return c.json(rotated);
    },
  },
];
