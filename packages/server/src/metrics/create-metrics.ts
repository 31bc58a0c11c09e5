import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueStats } from '../deliveries/delivery-store.js';

/** Latency buckets in seconds, from a fast local call to the 30 s maximum timeout. */
const CALL_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One finished action call, as the metrics count it. */
export interface ObservedCall {
  tenantId: string;
  /** The stored action's id; empty for an agent's webhook trigger, which is not a stored action. */
  actionId: string | null;
  /** The action's name: readable, but only unique within a tenant. */
  action: string;
  trigger: string;
  outcome: string;
  durationMs: number;
}

/**
 * The server's Prometheus metrics, in a registry of its own (several apps can live in one process).
 * Call series are labelled by tenant and action id, so two tenants' actions of one name stay apart.
 */
export function createMetrics(
  options: {
    defaultMetrics?: boolean;
    /** Samples the delivery queue on each scrape; a failed sample keeps the previous values. */
    deliveryStats?: () => Promise<QueueStats>;
  } = {},
) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'toolgate_' });
  const calls = new Counter({
    name: 'toolgate_action_calls_total',
    help: 'Action calls by tenant, action (id and name), trigger and outcome (ok, or the failure kind).',
    labelNames: ['tenant_id', 'action_id', 'action', 'trigger', 'outcome'] as const,
    registers: [registry],
  });
  const callSeconds = new Histogram({
    name: 'toolgate_action_call_duration_seconds',
    help: 'Duration of action calls by tenant and action id, from the start of the call to the end of the response body.',
    labelNames: ['tenant_id', 'action_id'] as const,
    buckets: CALL_BUCKETS,
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'toolgate_http_requests_total',
    help: 'HTTP requests served, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: 'toolgate_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const deliveryAttempts = new Counter({
    name: 'toolgate_delivery_attempts_total',
    help: 'Delivery attempts by kind and outcome (delivered, retry, failed, gone).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const deadLetters = new Counter({
    name: 'toolgate_delivery_dead_letters_total',
    help: 'Deliveries dead-lettered (no retry left, failed, or gone), by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  let sampled: Promise<QueueStats | undefined> | undefined;
  /** One query per scrape for both gauges. */
  const sample = () => {
    sampled ??= (options.deliveryStats?.() ?? Promise.resolve(undefined))
      .catch(() => undefined)
      .finally(() => setTimeout(() => (sampled = undefined), 0));
    return sampled;
  };
  new Gauge({
    name: 'toolgate_delivery_queue_depth',
    help: 'Deliveries by status (sampled at scrape).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const stats = await sample();
      if (stats) for (const [status, count] of Object.entries(stats.byStatus)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'toolgate_delivery_oldest_pending_seconds',
    help: 'How long the oldest due pending delivery has waited (sampled at scrape).',
    registers: [registry],
    async collect() {
      const stats = await sample();
      if (stats) this.set(stats.oldestPendingSeconds);
    },
  });
  return {
    registry,
    observeDeliveryAttempt(kind: string, outcome: string) {
      deliveryAttempts.inc({ kind, outcome });
    },
    observeDeadLetter(kind: string) {
      deadLetters.inc({ kind });
    },
    observeCall(call: ObservedCall) {
      const series = { tenant_id: call.tenantId, action_id: call.actionId ?? '' };
      calls.inc({ ...series, action: call.action, trigger: call.trigger, outcome: call.outcome });
      callSeconds.observe(series, call.durationMs / 1000);
    },
    observeHttp(method: string, route: string, status: number, durationMs: number) {
      httpRequests.inc({ method, route, status: String(status) });
      httpSeconds.observe({ method, route }, durationMs / 1000);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
