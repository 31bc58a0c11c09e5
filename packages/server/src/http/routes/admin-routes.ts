import { Type } from '@sinclair/typebox';
import { listAudit } from '../../stores/audit.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { ApiKeyView, CreateApiKeyBody } from '../schemas/keys.js';
import { CreateOperatorBody, OperatorView, PatchOperatorBody } from '../schemas/operators.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import { PatchTenantBody, TenantView } from '../schemas/tenant.js';
import { checkWidget } from '../widget-keys.js';

/** API keys, operators, the tenant's settings and its audit log: all need `admin`. */
export const adminRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/api-keys',
    summary: 'Create an API key; its value is returned this once',
    tag: 'admin',
    scope: 'admin',
    body: CreateApiKeyBody,
    responses: {
      201: Type.Object({ key: ApiKeyView, value: Type.String() }),
      ...COMMON_ERRORS,
      422: ErrorBody,
    },
    async handler(c, services, { body }) {
      const principal = c.get('principal');
      const widget = body.widget ? await checkWidget(services, principal.tenantId, body) : undefined;
      return c.json(
        await services.apiKeys.create(
          principal.tenantId,
          { name: body.name, scopes: body.scopes, ...(widget ? { widget } : {}) },
          principal.actor,
        ),
        201,
      );
    },
  }),
  {
    method: 'get',
    path: '/api-keys',
    summary: 'List API keys (prefixes only)',
    tag: 'admin',
    scope: 'admin',
    responses: { 200: Type.Object({ keys: Type.Array(ApiKeyView) }), ...COMMON_ERRORS },
    async handler(c, { apiKeys }) {
      return c.json({ keys: await apiKeys.list(c.get('principal').tenantId) });
    },
  },
  {
    method: 'delete',
    path: '/api-keys/{id}',
    summary: 'Revoke an API key',
    tag: 'admin',
    scope: 'admin',
    responses: { 200: ApiKeyView, ...COMMON_ERRORS },
    async handler(c, { apiKeys }) {
      const principal = c.get('principal');
      return c.json(await apiKeys.revoke(principal.tenantId, idParam(c), principal.actor));
    },
  },
  defineRoute({
    method: 'post',
    path: '/operators',
    summary: 'Add an operator (email, password, scopes)',
    tag: 'admin',
    scope: 'admin',
    body: CreateOperatorBody,
    responses: { 201: OperatorView, ...COMMON_ERRORS, 409: ErrorBody, 422: ErrorBody },
    async handler(c, { operators }, { body }) {
      const principal = c.get('principal');
      return c.json(await operators.create(principal.tenantId, body, principal.actor), 201);
    },
  }),
  {
    method: 'get',
    path: '/operators',
    summary: 'List operators',
    tag: 'admin',
    scope: 'admin',
    responses: { 200: Type.Object({ operators: Type.Array(OperatorView) }), ...COMMON_ERRORS },
    async handler(c, { operators }) {
      return c.json({ operators: await operators.list(c.get('principal').tenantId) });
    },
  },
  {
    method: 'delete',
    path: '/operators/{id}',
    summary: 'Disable an operator and end their sessions',
    tag: 'admin',
    scope: 'admin',
    responses: { 200: OperatorView, ...COMMON_ERRORS },
    async handler(c, { operators }) {
      const principal = c.get('principal');
      if (principal.actor === `operator:${idParam(c)}`) {
        throw new ApiError('bad_request', 'you cannot disable yourself; ask another admin');
      }
      return c.json(await operators.disable(principal.tenantId, idParam(c), principal.actor));
    },
  },
  defineRoute({
    method: 'patch',
    path: '/operators/{id}',
    summary: "Replace an operator's scopes; their open sessions get the new scopes at once",
    tag: 'admin',
    scope: 'admin',
    body: PatchOperatorBody,
    responses: { 200: OperatorView, ...COMMON_ERRORS, 422: ErrorBody },
    async handler(c, { operators }, { body }) {
      const principal = c.get('principal');
      // Like DELETE: an operator cannot take `admin` from themselves (the store refuses it).
      return c.json(
        await operators.updateScopes(principal.tenantId, idParam(c), body.scopes, principal.actor),
      );
    },
  }),
  {
    method: 'get',
    path: '/tenant',
    summary: "The caller's tenant and its limits",
    tag: 'admin',
    scope: 'any',
    responses: { 200: TenantView, 401: ErrorBody },
    async handler(c, { tenants }) {
      return c.json(await tenants.get(c.get('principal').tenantId));
    },
  },
  defineRoute({
    method: 'patch',
    path: '/tenant',
    summary: "Change the tenant's name or action limit",
    tag: 'admin',
    scope: 'admin',
    body: PatchTenantBody,
    responses: { 200: TenantView, ...COMMON_ERRORS, 422: ErrorBody },
    async handler(c, { tenants }, { body }) {
      const principal = c.get('principal');
      return c.json(await tenants.update(principal.tenantId, body, principal.actor));
    },
  }),
  {
    method: 'get',
    path: '/audit',
    summary: 'The audit log: who changed what and when (field names, never values)',
    tag: 'admin',
    scope: 'admin',
    responses: {
      200: Type.Object({
        entries: Type.Array(
          Type.Object({
            id: Type.String(),
            actor: Type.String({
              description: '`operator:<id>`, `api_key:<id>` or a word such as `system`.',
            }),
            actorLabel: Type.String({
              description:
                'Who, for people: the operator\'s email, `API key "<name>"`, `deleted operator (<id>)`, or the actor.',
            }),
            event: Type.String(),
            targetType: Type.String(),
            targetId: Type.String(),
            fields: Type.Array(Type.String()),
            at: Type.String({ format: 'date-time' }),
          }),
        ),
      }),
      ...COMMON_ERRORS,
    },
    async handler(c, { db }) {
      return c.json({ entries: await listAudit(db, c.get('principal').tenantId) });
    },
  },
];
