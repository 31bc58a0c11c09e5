import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Toolgate's traces: a turn, each model step, each argument check and each outbound call. With no
 * OpenTelemetry SDK registered (the default) every span is a no-op and costs a function call.
 * Attribute names follow the semantic conventions for HTTP clients (`http.request.method`,
 * `url.full`, `server.address`, `http.response.status_code`, `error.type`) and GenAI
 * (`gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.model`, `gen_ai.usage.*`).
 */
const tracer = () => trace.getTracer('@toolgate/core');

/** Runs `work` inside a span that ends with it; a thrown error is recorded and rethrown. */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} },
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Marks a span failed with an `error.type`, without an exception (a failed call is data, not a throw). */
export function markFailed(span: Span, errorType: string, message?: string): void {
  span.setAttribute('error.type', errorType);
  span.setStatus({ code: SpanStatusCode.ERROR, ...(message ? { message } : {}) });
}

export { SpanKind };
