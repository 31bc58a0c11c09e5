import type { Static, TSchema } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { Scope } from '../auth/scopes.js';
import type { AppEnv, AppServices } from './app-env.js';

/** What the router checked before the handler runs: the body and the query, typed by their schemas. */
export interface RouteInput<Body = unknown, Query = unknown> {
  body: Body;
  query: Query;
}

/**
 * One route of the REST API, described once: the router mounts it, the scope check guards it, the
 * router checks its `body` and `query` against their schemas and hands the handler the values, and
 * the OpenAPI document is generated from it. Write routes that declare a body or a query with
 * `defineRoute`, so the handler sees them typed.
 */
export interface ApiRoute<Body extends TSchema = TSchema, Query extends TSchema = TSchema> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI style, relative to `/api/v1`: `/actions/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /**
   * `null`: no authentication (sign-in, the OpenAPI document). `'any'`: any authenticated caller.
   * A list: any one of these scopes.
   */
  scope: Scope | readonly [Scope, ...Scope[]] | 'any' | null;
  /** The JSON body: read (size-capped, text rules) and checked after authentication. */
  body?: Body;
  /** What an empty body reads as; without it an empty body is a 400. */
  emptyBody?: Static<Body>;
  /**
   * Who checks the body's field types. `schema` (default): the router, a 422 listing each problem.
   * `core`: core's own validator of the resource (the action definition), which lists every problem
   * with its rule; the router still refuses unknown fields (400), so each field is checked once.
   */
  fieldsCheckedBy?: 'schema' | 'core';
  query?: Query;
  /** Status -> schema of the body (or a description when there is none). */
  responses: Record<number, TSchema | string>;
  handler: (
    c: Context<AppEnv>,
    services: AppServices,
    input: RouteInput<Static<Body>, Static<Query>>,
  ) => Promise<Response> | Response;
}

/**
 * A route whose handler receives its declared body and query typed.
 *
 * @example
 * defineRoute({ method: 'post', path: '/keys', body: CreateApiKeyBody, ..., handler: (c, s, { body }) => ... })
 */
export function defineRoute<Body extends TSchema = TSchema, Query extends TSchema = TSchema>(
  route: ApiRoute<Body, Query>,
): ApiRoute {
  return route as unknown as ApiRoute;
}

/** `/actions/{id}` -> `/actions/:id`. */
export function toHonoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** The `{id}` of the path (always present on routes that declare it). */
export function idParam(c: Context<AppEnv>): string {
  return c.req.param('id') ?? '';
}
