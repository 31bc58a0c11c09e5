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
  /**
   * What the destinations are called in refusals and errors (default `model endpoint`): the same
   * transport carries code actions' requests (`code action request`) and remote MCP servers
   * (`MCP server`), whose operators should read their own word.
   */
  destination?: string;
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
  constructor(capBytes: number, destination = 'model endpoint') {
    super('model_response_too_large', `the ${destination}'s response is larger than ${capBytes} bytes`);
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

/** Refusals worded for the operator who configured the destination (`model endpoint`, `MCP server`). */
function urlRulesFor(destination: string): UrlFormRules {
  return {
    // Plain http was decided before: only an allowlisted local server gets here with it.
    acceptPlainHttp: true,
    subject: `${destination} URLs`,
    schemeContext: ` for ${destination}s`,
    noHostReason: `the ${destination} URL has no host`,
  };
}

/** The checks that need no DNS: scheme, credentials, local names. IP literals go to the connector. */
function checkModelUrl(
  url: URL,
  allowlist: NetworkAllowlist,
  allowInsecureHttp: boolean,
  destination: string,
): TargetDenial | undefined {
  if (url.protocol === 'http:' && !(allowInsecureHttp && insecureHttpAllowed(url, allowlist))) {
    return deny(
      'scheme_not_allowed',
      `plain http is refused for ${destination}s (${url.origin}); use https, or allowlist the local server's address and allow insecure http`,
    );
  }
  const form = checkUrlForm(url, urlRulesFor(destination));
  if (!form.ok) return form.denial;
  const { hostname } = form;
  if (isIP(hostname) !== 0 || allowlist.allowsHost(hostname)) return undefined;
  const reason = deniedHostNameReason(hostname);
  return reason ? deny('host_denied', reason) : undefined;
}

function toUrl(input: Parameters<typeof globalThis.fetch>[0], destination: string): URL {
  if (input instanceof URL) return input;
  if (typeof input === 'string') {
    try {
      return new URL(input);
    } catch {
      throw new TargetBlockedError(deny('invalid_url', `the ${destination} URL is not a valid absolute URL`));
    }
  }
  throw new TypeError('the model fetch takes a URL (string or URL), not a Request object');
}

/** The response with its body cut off (as an error) once it passes the cap. */
async function capResponse(
  response: UndiciResponse,
  capBytes: number,
  destination: string,
): Promise<UndiciResponse> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > capBytes) {
    await response.body?.cancel();
    throw new ModelResponseTooLargeError(capBytes, destination);
  }
  if (!response.body) return response;
  const budget = createByteBudget(capBytes);
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      budget.take(chunk);
      if (budget.exceeded) controller.error(new ModelResponseTooLargeError(capBytes, destination));
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
  const destination = options.destination ?? 'model endpoint';
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
    const url = toUrl(input, destination);
    const denial = checkModelUrl(url, allowlist, allowInsecureHttp, destination);
    if (denial) throw new TargetBlockedError(denial);
    // Node's global fetch is undici too; only the type declarations come from different packages.
    const requestInit = { ...init, dispatcher: agent, redirect: 'manual' } as UndiciRequestInit;
    const response = await undiciFetch(url, requestInit);
    return (await capResponse(response, capBytes, destination)) as unknown as Response;
  }

  return { fetch: modelFetch, close: () => agent.close() };
}
