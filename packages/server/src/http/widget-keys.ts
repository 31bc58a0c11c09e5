import type { Static } from '@sinclair/typebox';
import type { Context } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimitKey } from '../auth/client-address.js';
import type { Principal } from '../auth/principal.js';
import { createLimiterStore, type LimiterStore } from '../shared/limiter-store.js';
import type { WidgetRestriction } from '../storage/schema.js';
import type { AgentStore } from '../stores/agent-store.js';
import { ApiError } from './api-error.js';
import type { CreateApiKeyBody } from './schemas/keys.js';

/** Requests a visitor (one address) may make with one widget key per minute. */
export const WIDGET_REQUESTS_PER_MINUTE = 60;

/**
 * Checks a widget key before it is created: `chat` only, canonical origins, an agent of the
 * tenant (by id or name, stored by id). Every problem is a 422 at its field.
 */
export async function checkWidget(
  services: { agents: Pick<AgentStore, 'get'> },
  tenantId: string,
  body: Static<typeof CreateApiKeyBody>,
): Promise<WidgetRestriction> {
  const widget = body.widget as NonNullable<typeof body.widget>;
  const issues: Array<{ path: string; message: string }> = [];
  if (body.scopes.length !== 1 || body.scopes[0] !== 'chat') {
    issues.push({ path: '/scopes', message: 'a widget key is public: its only scope is chat' });
  }
  widget.origins.forEach((origin, index) => {
    if (new URL(origin).origin !== origin) {
      issues.push({ path: `/widget/origins/${index}`, message: `write it as ${new URL(origin).origin}` });
    }
  });
  const agent = await services.agents.get(tenantId, widget.agentId).catch(() => undefined);
  if (!agent) issues.push({ path: '/widget/agentId', message: 'is not an agent of this tenant' });
  if (issues.length > 0) throw new ApiError('validation_failed', 'the widget key has problems', issues);
  return { agentId: (agent as { id: string }).id, origins: widget.origins };
}

/**
 * The rules a widget key lives by, on every request: the page's Origin must be one of the key's,
 * and each visitor (client address; an IPv6 one by its /64) gets a budget of requests per minute,
 * counted in `limits` (shared across instances outside embedded mode).
 */
export function createWidgetGuard(options: { clientAddress: (c: Context) => string; limits?: LimiterStore }) {
  const perVisitor = (options.limits ?? createLimiterStore({})).limiter({
    name: 'widget-visitor',
    points: WIDGET_REQUESTS_PER_MINUTE,
    duration: 60,
  });
  return {
    async check(c: Context, principal: Principal & { widget: WidgetRestriction }): Promise<void> {
      const origin = c.req.header('origin');
      if (origin === undefined || !principal.widget.origins.includes(origin)) {
        throw new ApiError(
          'forbidden',
          `this widget key works only on its own web pages${origin ? `, not on ${origin}` : ' (the request has no Origin)'}`,
        );
      }
      try {
        await perVisitor.consume(`${principal.actor}|${rateLimitKey(options.clientAddress(c))}`);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new ApiError(
          'too_many_requests',
          `too many messages from this visitor; try again in ${seconds} s`,
        );
      }
    },
  };
}

export type WidgetGuard = ReturnType<typeof createWidgetGuard>;
