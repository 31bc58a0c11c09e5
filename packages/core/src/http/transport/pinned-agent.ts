import { Agent } from 'undici';
import { createPinnedConnector, type PinnedConnectorOptions } from './pinned-connector.js';

/** Idle keep-alive connections are closed after this: long enough for a conversation's next call. */
export const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/**
 * The one connection pool factory of Toolgate's outbound callers (action calls and model
 * endpoints): every connection goes through the pinned connector, so the address policy runs at
 * connect time. undici's own header and body timeouts are off: each caller bounds a request with
 * its own deadline (the executor's total timeout, the model adapter's abort signal).
 *
 * @example
 * const agent = createPinnedAgent({ resolve: systemResolver, allowlist: EMPTY_ALLOWLIST });
 */
export function createPinnedAgent(options: PinnedConnectorOptions): Agent {
  return new Agent({
    connect: createPinnedConnector(options),
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}
