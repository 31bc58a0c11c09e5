import { isIP } from 'node:net';
import {
  type RequestInit as UndiciRequestInit,
  Response as UndiciResponse,
  fetch as undiciFetch,
} from 'undici';
import { ToolgateError } from '../../errors.js';
import { checkUrlForm, type UrlFormRules } from '../policy/check-url-form.js';
import { deniedHostNameReason } from '../policy/denied-host-names.js';
import {
  createNetworkAllowlist,
  type NetworkAllowlist,
  type NetworkAllowlistOptions,
} from '../policy/network-allowlist.js';
import { normalizeHostName } from '../policy/normalize-host-name.js';
import { type Resolver, systemResolver } from '../policy/resolver.js';
import { deny, type TargetDenial } from '../policy/target-verdict.js';
import { createByteBudget } from './byte-budget.js';
import { createPinnedAgent } from './pinned-agent.js';
import type { PinnedConnectorOptions } from './pinned-connector.js';
import { TargetBlockedError } from './target-blocked-error.js';

/** A model reply is a few kilobytes; anything near this is not a model answering. */
export const DEFAULT_MODEL_RESPONSE_CAP_BYTES = 4 * 1024 * 1024;

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Options of {@link createModelFetch}. */
export interface ModelFetchOptions {
  /**
   * Exemptions from the address policy, e.g. `{ networks: ['127.0.0.0/8'] }` for a model server on
   * the same machine. Off by default: loopback, private and metadata addresses are refused.
   */
  allow?: NetworkAllowlistOptions;
  /**
   * Lets plain `http:` URLs through to allowlisted destinations only (an IP literal in
   * `allow.networks` or a name in `allow.hosts`: a local Ollama or vLLM). Off by default: an API
   * key must not cross the network in clear text.
   */
  allowInsecureHttp?: boolean;
  /** Replaces DNS (tests). Defaults to the system resolver. */
  resolve?: Resolver;
  /** Extra trusted CA certificates (PEM), for a private PKI or tests. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Dials a checked address; tests wrap it to prove nothing outside loopback is dialled. */
  dial?: PinnedConnectorOptions['dial'];
  /** Responses larger than this fail instead of filling memory. */
  maxResponseBytes?: number;
  connectTimeoutMs?: number;
}

/** A `fetch` for model endpoints and the pool behind it. */
export interface ModelFetch {
  /** Same signature as the global `fetch`; pass it to an LLM adapter. URLs only, not `Request` objects. */
  fetch: typeof globalThis.fetch;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/** A model endpoint answered with more than the response cap. */
export class ModelResponseTooLargeError extends ToolgateError {
  constructor(capBytes: number) {
    super('model_response_too_large', `the model endpoint's response is larger than ${capBytes} bytes`);
    this.name = 'ModelResponseTooLargeError';
  }
}

/**
 * Plain http is only for a model server the operator allowlisted by address or name: an IP
 * literal inside an allowlisted network, or a host name in the allowlist. A public name over http
 * would carry the API key in clear text.
 *
 * @example
 * insecureHttpAllowed(new URL('http://127.0.0.1:11434/v1'), createNetworkAllowlist({ networks: ['127.0.0.0/8'] })); // true
 */
export function insecureHttpAllowed(url: URL, allowlist: NetworkAllowlist): boolean {
  const hostname = normalizeHostName(url.hostname);
  return isIP(hostname) !== 0 ? allowlist.allowsAddress(hostname) : allowlist.allowsHost(hostname);
}

/** Model endpoints word their refusals for the operator who configured the model. */
const MODEL_URL_RULES: UrlFormRules = {
  // Plain http was decided above: only an allowlisted local model server gets here with it.
  acceptPlainHttp: true,
  subject: 'model endpoint URLs',
  schemeContext: ' for model endpoints',
  noHostReason: 'the model endpoint URL has no host',
};

/** The checks that need no DNS: scheme, credentials, local names. IP literals go to the connector. */
function checkModelUrl(
  url: URL,
  allowlist: NetworkAllowlist,
  allowInsecureHttp: boolean,
): TargetDenial | undefined {
  if (url.protocol === 'http:' && !(allowInsecureHttp && insecureHttpAllowed(url, allowlist))) {
    return deny(
      'scheme_not_allowed',
      `plain http is refused for model endpoints (${url.origin}); use https, or allowlist a local model server's address and allow insecure http`,
    );
  }
  const form = checkUrlForm(url, MODEL_URL_RULES);
  if (!form.ok) return form.denial;
  const { hostname } = form;
  if (isIP(hostname) !== 0 || allowlist.allowsHost(hostname)) return undefined;
  const reason = deniedHostNameReason(hostname);
  return reason ? deny('host_denied', reason) : undefined;
}

function toUrl(input: Parameters<typeof globalThis.fetch>[0]): URL {
  if (input instanceof URL) return input;
  if (typeof input === 'string') {
    try {
      return new URL(input);
    } catch {
      throw new TargetBlockedError(deny('invalid_url', 'the model endpoint URL is not a valid absolute URL'));
    }
  }
  throw new TypeError('the model fetch takes a URL (string or URL), not a Request object');
}

/** The response with its body cut off (as an error) once it passes the cap. */
async function capResponse(response: UndiciResponse, capBytes: number): Promise<UndiciResponse> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > capBytes) {
    await response.body?.cancel();
    throw new ModelResponseTooLargeError(capBytes);
  }
  if (!response.body) return response;
  const budget = createByteBudget(capBytes);
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      budget.take(chunk);
      if (budget.exceeded) controller.error(new ModelResponseTooLargeError(capBytes));
      else controller.enqueue(chunk);
    },
  });
  return new UndiciResponse(response.body.pipeThrough(limit), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * The transport for LLM endpoints, with the same address policy as action calls: the host is
 * resolved here and every answer checked (loopback, private, link-local and metadata addresses
 * refused unless allowlisted), the checked address is dialled (no second look-up), https only
 * unless `allowInsecureHttp`, redirects are returned, never followed, and responses are capped.
 * A refused destination rejects with a `TargetBlockedError` (possibly as the `cause` of undici's
 * `TypeError: fetch failed`).
 *
 * @example
 * const transport = createModelFetch({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
 * const model = createLlmModel({ provider: 'openai-compatible', model: 'llama3.1',
 *   baseUrl: 'http://127.0.0.1:11434/v1', fetch: transport.fetch });
 * // ... on shutdown:
 * await transport.close();
 */
export function createModelFetch(options: ModelFetchOptions = {}): ModelFetch {
  const allowlist = createNetworkAllowlist(options.allow);
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  const capBytes = options.maxResponseBytes ?? DEFAULT_MODEL_RESPONSE_CAP_BYTES;
  // The adapter's own timeout (an abort signal) bounds every step.
  const agent = createPinnedAgent({
    resolve: options.resolve ?? systemResolver,
    allowlist,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    ...(options.ca === undefined ? {} : { tls: { ca: options.ca } }),
    ...(options.dial === undefined ? {} : { dial: options.dial }),
  });

  async function modelFetch(
    input: Parameters<typeof globalThis.fetch>[0],
    init?: Parameters<typeof globalThis.fetch>[1],
  ): Promise<Response> {
    const url = toUrl(input);
    const denial = checkModelUrl(url, allowlist, allowInsecureHttp);
    if (denial) throw new TargetBlockedError(denial);
    // Node's global fetch is undici too; only the type declarations come from different packages.
    const requestInit = { ...init, dispatcher: agent, redirect: 'manual' } as UndiciRequestInit;
    const response = await undiciFetch(url, requestInit);
    return (await capResponse(response, capBytes)) as unknown as Response;
  }

  return { fetch: modelFetch, close: () => agent.close() };
}
