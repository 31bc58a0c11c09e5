import type { TSchema } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { Scope } from '../auth/scopes.js';
import type { AppEnv, AppServices } from './app-env.js';

/**
 * One route of the REST API, described once: the router mounts it, the scope check guards it and
 * the OpenAPI document is generated from it.
 */
export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI style, relative to `/api/v1`: `/actions/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `null`: no authentication (sign-in, the OpenAPI document). `'any'`: any authenticated caller. */
  scope: Scope | 'any' | null;
  body?: TSchema;
  query?: TSchema;
  /** Status -> schema of the body (or a description when there is none). */
  responses: Record<number, TSchema | string>;
  handler: (c: Context<AppEnv>, services: AppServices) => Promise<Response> | Response;
}

/** `/actions/{id}` -> `/actions/:id`. */
export function toHonoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** The `{id}` of the path (always present on routes that declare it). */
export function idParam(c: Context<AppEnv>): string {
  return c.req.param('id') ?? '';
}
