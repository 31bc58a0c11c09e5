import type { FastifyPluginAsync } from 'fastify';
import { errorResponse } from './error-response.js';
import { DEFAULT_MAX_BODY_BYTES } from './read-raw-body.js';
import {
  checkReceiverOptions,
  safeReceiveToolgateRequest,
  type ToolgateReceiverOptions,
} from './receive-toolgate-request.js';
import { ReceiverError } from './receiver-error.js';
import type { ToolgateRequest } from './toolgate-request.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified Toolgate call; set by the `toolgateFastify` plugin before your handler runs. */
    toolgate: ToolgateRequest;
  }
}

const RAW_BODY_GONE =
  'the body reached toolgateFastify already parsed, and the signature covers its exact bytes: ' +
  'register toolgateFastify in the scope of the routes it guards';

/** What fastify-plugin sets: apply to the scope the plugin is registered in, not a child. */
const SKIP_OVERRIDE = Symbol.for('skip-override');
const DISPLAY_NAME = Symbol.for('fastify.display-name');

const plugin: FastifyPluginAsync<ToolgateReceiverOptions> = async (scope, options) => {
  checkReceiverOptions(options);
  if (!scope.hasRequestDecorator('toolgate')) scope.decorateRequest('toolgate', null, []);

  // Keep every body as its raw bytes in this scope: the signature is over them.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES },
    (_request, body, parsed) => parsed(null, body),
  );

  scope.addHook('preValidation', async (request, reply) => {
    const raw: unknown = request.body;
    let body: Buffer | string;
    if (raw === undefined || raw === null) body = '';
    else if (Buffer.isBuffer(raw) || typeof raw === 'string') body = raw;
    else {
      const rejection = errorResponse(new ReceiverError('raw_body_unavailable', RAW_BODY_GONE));
      return reply.code(rejection.status).send(rejection.body);
    }
    const result = safeReceiveToolgateRequest(
      { method: request.method, url: request.url, headers: request.headers, body },
      options,
    );
    if (!result.success) {
      const rejection = errorResponse(result.error);
      return reply.code(rejection.status).send(rejection.body);
    }
    request.toolgate = result.value;
    // Route schemas and handlers see the parsed envelope, as with Fastify's JSON parser.
    if (result.value.source === 'envelope') request.body = result.value.envelope;
  });
};

/**
 * Fastify 5 plugin for endpoints Toolgate calls. In the scope it is registered in, it replaces the
 * body parsers with one that keeps the raw bytes (so register it inside its own
 * `app.register(async (scope) => ...)` to leave other routes alone), verifies the Standard
 * Webhooks signature, parses the envelope (or the query for GET/DELETE), and sets
 * `request.toolgate` (and `request.body` to the envelope). Rejections are answered with
 * `{ "error": { "code", "message" } }`: 401 bad signature, 400 bad envelope; Fastify itself
 * answers 413 past `maxBodyBytes`.
 *
 * @example
 * import { failure, success } from '@toolgate/receiver';
 * import { toolgateFastify } from '@toolgate/receiver/fastify';
 *
 * await app.register(async (scope) => {
 *   await scope.register(toolgateFastify, { secret: process.env.TOOLGATE_SECRET! });
 *   scope.post('/orders/status', async (request, reply) => {
 *     const order = orders.get(String(request.toolgate.parameters.order_number));
 *     return order ? success(order) : reply.code(404).send(failure('Order not found'));
 *   });
 * });
 */
export const toolgateFastify: FastifyPluginAsync<ToolgateReceiverOptions> = Object.assign(plugin, {
  [SKIP_OVERRIDE]: true,
  [DISPLAY_NAME]: 'toolgate-receiver',
});
