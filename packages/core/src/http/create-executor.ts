import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { MAX_REDIRECTS } from '../actions/action-definition.js';
import {
  HEX_SIGNATURE_HEADER,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../signing/sign-webhook.js';
import type { ActionFailure, ActionResult, FailedActionResult, ReceivedResponse } from './action-result.js';
import { checkAddresses } from './check-addresses.js';
import { classifyTransportError } from './classify-transport-error.js';
import { followRedirect, REDIRECT_STATUSES } from './follow-redirect.js';
import { createNetworkAllowlist, type NetworkAllowlistOptions } from './network-allowlist.js';
import { normalizeResponse } from './normalize-response.js';
import { parseTargetUrl } from './parse-target-url.js';
import { createPinnedConnector, type PinnedConnectorOptions } from './pinned-connector.js';
import {
  type ActionCall,
  DEFAULT_REQUEST_CAP_BYTES,
  type PreparedCall,
  prepareCall,
  signHeaders,
} from './prepare-call.js';
import { readCappedBody } from './read-capped-body.js';
import { redactRequest, redactUrl, type SentRequest, scrubSecrets } from './redact.js';
import { type Resolver, systemResolver } from './resolver.js';
import { TargetBlockedError } from './target-blocked-error.js';

const SIGNATURE_HEADERS = [
  WEBHOOK_ID_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  HEX_SIGNATURE_HEADER,
];

/** What a model can use; larger bodies are cut and marked truncated. */
export const DEFAULT_RESPONSE_CAP_BYTES = 50 * 1024;

/** Idle keep-alive connections are closed after this: long enough for a conversation's next call. */
const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/** Options of {@link createExecutor}. */
export interface ExecutorOptions {
  /** Replaces DNS (tests). Defaults to the system resolver. */
  resolve?: Resolver;
  /** Development-only exemptions from the outbound policy. Off by default. */
  allow?: NetworkAllowlistOptions;
  /** Extra trusted CA certificates (PEM), for a private PKI or tests. */
  ca?: string | Buffer | Array<string | Buffer>;
  responseCapBytes?: number;
  requestCapBytes?: number;
  userAgent?: string;
  /** Clock in epoch milliseconds (signatures, envelope timestamps). */
  now?: () => number;
  /** Dials a checked address; tests wrap it to prove nothing outside loopback is dialled. */
  dial?: PinnedConnectorOptions['dial'];
}

/** Sends action calls; the only component in Toolgate that makes outbound requests. */
export interface Executor {
  /** Validates, builds and signs a call without sending it (a dry run). */
  prepare(call: ActionCall): ReturnType<typeof prepareCall>;
  /** Makes the call. Never throws for anything the endpoint or the network does. */
  execute(call: ActionCall): Promise<ActionResult>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

class DeadlineExceeded extends Error {}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>, secrets: readonly string[]) {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = name === 'set-cookie' ? '[redacted]' : scrubSecrets(headerValue(value) ?? '', secrets);
  }
  return flat;
}

/**
 * Creates the executor: one pinned-connection pool, the outbound policy, deadlines, caps,
 * signing and response normalization.
 *
 * @example
 * const executor = createExecutor();
 * const result = await executor.execute({
 *   action: { name: 'check_order_status', description: '...', url: 'https://shop.example.com/orders' },
 *   parameters: { order_number: 'ORD-12345' },
 *   signingSecrets: [secret],
 * });
 * if (result.ok) console.log(result.message ?? result.data);
 * else console.log(result.failure.kind, result.failure.message);
 */
export function createExecutor(options: ExecutorOptions = {}): Executor {
  const allowlist = createNetworkAllowlist(options.allow);
  const resolve = options.resolve ?? systemResolver;
  const responseCapBytes = options.responseCapBytes ?? DEFAULT_RESPONSE_CAP_BYTES;
  const requestCapBytes = options.requestCapBytes ?? DEFAULT_REQUEST_CAP_BYTES;
  const now = options.now ?? Date.now;
  const agent = new Agent({
    connect: createPinnedConnector({
      resolve,
      allowlist,
      ...(options.ca === undefined ? {} : { tls: { ca: options.ca } }),
      ...(options.dial === undefined ? {} : { dial: options.dial }),
    }),
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // The executor's own deadline bounds every call; these only stop undici's longer defaults.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const prepareOptions = {
    requestCapBytes,
    now,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  };

  async function send(call: PreparedCall, started: number): Promise<ActionResult> {
    const { action, prepared } = call;
    const secrets = prepared.secretValues;
    const common = { callId: call.callId, action: action.name, redirects: [] as string[] };
    const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
    const fail = (
      failure: ActionFailure,
      request: SentRequest | null,
      status: number | null = null,
      response: ReceivedResponse | null = null,
    ): FailedActionResult => ({
      ...common,
      ok: false,
      status,
      failure: { ...failure, message: scrubSecrets(failure.message, secrets) },
      durationMs: elapsed(),
      request,
      response,
      truncated: response?.truncated ?? false,
    });

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DeadlineExceeded());
    }, action.timeoutMs);

    let url = prepared.url;
    let method = prepared.method;
    let body = prepared.body;
    let headers = call.headers;
    let request = call.request;
    let status: number | null = null;
    try {
      for (let hop = 0; ; hop += 1) {
        const parsed = parseTargetUrl(url, allowlist);
        if (!parsed.ok) {
          return fail(
            {
              kind: 'blocked',
              message: `the destination is not allowed: ${parsed.check.reason}`,
              expected: false,
            },
            request,
          );
        }
        if (parsed.target.literalAddress !== undefined) {
          const check = checkAddresses(
            parsed.target.literalAddress,
            [parsed.target.literalAddress],
            allowlist,
          );
          if (!check.allowed) throw new TargetBlockedError(check);
        }
        const response = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers,
          body: body ?? null,
          signal: controller.signal,
        });
        status = response.statusCode;
        const location = headerValue(response.headers.location);
        if (REDIRECT_STATUSES.has(status) && action.followRedirects && hop < MAX_REDIRECTS) {
          const next = followRedirect(url, method, status, location);
          if (next) {
            await response.body.dump();
            common.redirects.push(redactUrl(next.url, prepared.secretQueryParameters));
            url = next.url;
            method = next.method;
            if (!next.keepBody) body = undefined;
            const nextHeaders = { ...headers };
            for (const name of SIGNATURE_HEADERS) delete nextHeaders[name];
            if (!next.keepBody) delete nextHeaders['content-type'];
            if (next.crossOrigin) {
              // Another origin gets neither credentials nor a signature it could replay to ours.
              for (const name of prepared.secretHeaders) delete nextHeaders[name];
            } else {
              Object.assign(
                nextHeaders,
                signHeaders({}, body, { callId: call.callId, ...call.signing, now: now() }),
              );
            }
            headers = nextHeaders;
            request = redactRequest({ ...prepared, method, body }, url, headers);
            continue;
          }
        }
        const captured = await readCappedBody(
          response.body,
          responseCapBytes,
          headerValue(response.headers['content-encoding']),
        );
        clearTimeout(timer);
        const text = scrubSecrets(captured.bytes.toString('utf8'), secrets);
        const received: ReceivedResponse = {
          status,
          headers: flattenHeaders(response.headers, secrets),
          body: text,
          bodyBytes: captured.bytes.length,
          truncated: captured.truncated,
        };
        const outcome = normalizeResponse({
          status,
          body: text,
          truncated: captured.truncated,
          contentType: headerValue(response.headers['content-type']),
          location,
          retryAfter: headerValue(response.headers['retry-after']),
          now: now(),
        });
        if (!outcome.ok) return fail(outcome.failure, request, status, received);
        return {
          ...common,
          ...outcome,
          ok: true,
          status,
          durationMs: elapsed(),
          request,
          response: received,
          truncated: captured.truncated,
        };
      }
    } catch (error) {
      return fail(classifyTransportError(error, timedOut, action.timeoutMs), request, status);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    prepare: (call) => prepareCall(call, prepareOptions),
    async execute(call) {
      const started = performance.now();
      const prepared = prepareCall(call, prepareOptions);
      if (!prepared.ok) {
        return {
          callId: prepared.callId,
          action: call.action.name,
          redirects: [],
          ok: false,
          status: null,
          failure: prepared.failure,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          request: prepared.request,
          response: null,
          truncated: false,
        };
      }
      return send(prepared.call, started);
    },
    close: () => agent.close(),
  };
}
