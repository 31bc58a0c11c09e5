import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Exports Toolgate's traces (a turn, its model steps, each tool call and outbound request:
 * core's `telemetry.ts`) to an OTLP/HTTP endpoint the operator names. The collector is the
 * operator's own infrastructure, like the database: its exporter is not an action's request and
 * does not go through the outbound policy. Off unless `TOOLGATE_OTEL_ENDPOINT` is set.
 */
export function startTracing(endpoint: string, serviceName = 'toolgate'): { shutdown(): Promise<void> } {
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }), { scheduledDelayMillis: 1_000 }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
