/**
 * A Web `Response` for fetch-style handlers (Hono, Next.js, Bun, Deno): objects and other JSON
 * values as `application/json`, strings as `text/plain`. Status 200 unless given.
 *
 * @example
 * app.post('/orders/status', toolgateHono({ secret }), (c) =>
 *   toResponse(failure('Order not found'), 404),
 * );
 */
export function toResponse(body: unknown, status = 200): Response {
  if (typeof body === 'string') {
    return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new Response(JSON.stringify(body ?? null), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
