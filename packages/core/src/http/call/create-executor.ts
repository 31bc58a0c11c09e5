import { performance } from 'node:perf_hooks';
import { MAX_REDIRECTS } from '../../actions/action-definition.js';
import { DEFAULT_USER_AGENT } from '../../actions/build-request.js';
import {
  type CodeWorkerPool,
  type CodeWorkerPoolOptions,
  createCodeWorkerPool,
} from '../../code/code-worker-pool.js';
import { checkBeforeConnect } from '../policy/check-before-connect.js';
import { createNetworkAllowlist, type NetworkAllowlistOptions } from '../policy/network-allowlist.js';
import { type Resolver, systemResolver } from '../policy/resolver.js';
import {
  HEX_SIGNATURE_HEADER,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../signing/sign-webhook.js';
import { DeadlineExceededError, dispatchCapped } from '../transport/dispatch-capped.js';
import { followRedirect, REDIRECT_STATUSES, type RedirectHop } from '../transport/follow-redirect.js';
import { createModelFetch } from '../transport/model-fetch.js';
import { createPinnedAgent } from '../transport/pinned-agent.js';
import type { PinnedConnectorOptions } from '../transport/pinned-connector.js';
import type { ActionResult, ReceivedResponse, SucceededActionResult } from './action-result.js';
import { classifyTransportError } from './classify-transport-error.js';
import { type NormalizedOutcome, normalizeResponse, type RedirectEnd } from './normalize-response.js';
import { createOAuth2Authorizer, type OAuth2Authorizer } from './oauth2-authorizer.js';
import {
  type ActionCall,
  DEFAULT_REQUEST_CAP_BYTES,
  type PreparedCall,
  prepareCall,
  signHeaders,
} from './prepare-call.js';
import { REDACTED, redactRequest, redactUrl, type SecretScrubber } from './redact.js';
import { attemptsAllowed, retryDelayMs } from './retry-policy.js';
import { codeActionsOff, codeFetchOver, runCodeCall } from './run-code-call.js';
import { traceCall } from './trace-call.js';

const SIGNATURE_HEADERS = [
  WEBHOOK_ID_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  HEX_SIGNATURE_HEADER,
];

/** What a model can use; larger bodies are cut and marked truncated. */
export const DEFAULT_RESPONSE_CAP_BYTES = 50 * 1024;

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
  /** Runs code actions (default true; false: a call of one fails with `code_error`); see docs/architecture/code-actions.md. */
  codeActions?: boolean;
  /** The code actions' sandbox workers (idle pool, concurrency, heap); see {@link createCodeWorkerPool}. */
  codeWorkers?: CodeWorkerPoolOptions;
}

/** What {@link Executor.prepare} gives: a call ready for {@link Executor.send}, or why it cannot be sent. */
export type PrepareOutcome = ReturnType<typeof prepareCall>;

/**
 * Sends action calls; the only component in Toolgate that makes outbound requests. A call is
 * validated, built and signed once (`prepare`) and sent as built (`send`): a caller that shows
 * the request first (a dry run, a confirmation) sends the very call it showed.
 */
export interface Executor {
  /** Validates, builds and signs a call without sending it (a dry run). */
  prepare(call: ActionCall): PrepareOutcome;
  /** Sends a call `prepare` built. Never throws for anything the endpoint or the network does. */
  send(call: PreparedCall): Promise<ActionResult>;
  /**
   * `prepare` then `send`; a call that cannot be prepared becomes a failed result (nothing sent).
   * Never throws for anything the endpoint or the network does.
   */
  execute(call: ActionCall): Promise<ActionResult>;
  /**
   * The scrubber for text that arrives later about a prepared call (an async action's callback):
   * the call's secrets and, for an OAuth2 action, the access token cached for it now.
   */
  scrubberOf(call: PreparedCall): SecretScrubber;
  /** Closes pooled connections and ends the code actions' sandbox workers. */
  close(): Promise<void>;
}

/** Headers for the next hop of a followed redirect. */
function redirectHeaders(
  current: Record<string, string>,
  next: RedirectHop,
  body: string | undefined,
  call: PreparedCall,
  nowMs: number,
): Record<string, string> {
  const headers = Object.assign({}, current);
  for (const name of SIGNATURE_HEADERS) delete headers[name];
  if (!next.keepBody) delete headers['content-type'];
  if (next.crossOrigin) {
    // Another origin gets neither credentials nor a signature it could replay to ours.
    for (const name of call.prepared.secretHeaders) delete headers[name];
    return headers;
  }
  return signHeaders(headers, body, { callId: call.callId, ...call.signing, now: nowMs });
}

/**
 * Removes from a URL on another origin the query parameters that carry a credential: the secret
 * query parameter by name, and any parameter whose value is one of the call's secrets (a redirect
 * that kept our query string along).
 */
function withoutQueryCredentials(url: URL, prepared: PreparedCall['prepared']): void {
  const secrets = new Set(prepared.secretValues);
  for (const [name, value] of [...url.searchParams]) {
    if (prepared.secretQueryParameters.has(name) || secrets.has(value)) url.searchParams.delete(name);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>, scrubber: SecretScrubber) {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    // Names too: an endpoint may echo a credential as a header name (lower-cased by then).
    flat[scrubber.text(name)] = name === 'set-cookie' ? REDACTED : scrubber.text(headerValue(value) ?? '');
  }
  return flat;
}

/** Notes the attempts on a result that took more than one. */
function withAttempts(result: ActionResult, attempts: number): ActionResult {
  if (attempts > 1) result.attempts = attempts;
  return result;
}

/** Why a 3xx response ended the call instead of being followed. */
function redirectEnd(followRedirects: boolean, status: number, hop: number): RedirectEnd {
  if (!followRedirects) return 'not_followed';
  if (!REDIRECT_STATUSES.has(status)) return 'not_a_redirect';
  return hop >= MAX_REDIRECTS ? 'limit_exceeded' : 'no_location';
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
  const agent = createPinnedAgent({
    resolve,
    allowlist,
    ...(options.ca === undefined ? {} : { tls: { ca: options.ca } }),
    ...(options.dial === undefined ? {} : { dial: options.dial }),
  });
  // Code actions' requests: the same policy and pinned connector, through the fetch transport.
  // Their sandbox workers start on the first code action's call, not before.
  let policy: ReturnType<typeof createModelFetch> | undefined;
  let closed: Promise<void> | undefined;
  let codePool: CodeWorkerPool | undefined;
  const sandbox = () => {
    policy ??= createModelFetch({
      ...(options.allow ? { allow: options.allow } : {}),
      resolve,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      ...(options.dial === undefined ? {} : { dial: options.dial }),
      maxResponseBytes: responseCapBytes,
      destination: 'code action request',
    });
    codePool ??= createCodeWorkerPool(options.codeWorkers);
    return { fetch: codeFetchOver(policy.fetch), pool: codePool };
  };
  const prepareOptions = {
    requestCapBytes,
    now,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  };
  const oauth2 = createOAuth2Authorizer({
    agent,
    allowlist,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    now,
  });

  /** Sends a call; an OAuth2 action's first gets its access token (see {@link OAuth2Authorizer}). */
  function send(call: PreparedCall, started: number): Promise<ActionResult> {
    if (call.action.code) {
      if (options.codeActions === false) return Promise.resolve(codeActionsOff(call, started));
      return runCodeCall(call, sandbox(), started);
    }
    if (call.action.auth.type !== 'oauth2_client_credentials') return sendAttempts(call, started);
    return oauth2.send(call, started, (authorized) => sendAttempts(authorized, started));
  }

  /**
   * Sends a call, again after a retryable failure when the action opts in, every attempt with
   * the same headers (one `Idempotency-Key`) and all within the action's `timeoutMs`.
   */
  async function sendAttempts(call: PreparedCall, started: number): Promise<ActionResult> {
    const deadline = started + call.action.timeoutMs;
    const allowed = attemptsAllowed(call.action);
    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadline - performance.now();
      // An attempt with retries left gets its share of the time, so a hung one leaves room for the next.
      const attemptDeadline =
        attempt < allowed ? performance.now() + remaining / (allowed - attempt + 1) : deadline;
      const result = await sendOnce(call, started, attemptDeadline);
      if (attempt >= allowed) return withAttempts(result, attempt);
      const delay = retryDelayMs(result, attempt);
      if (delay === undefined || performance.now() + delay >= deadline - 1)
        return withAttempts(result, attempt);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async function sendOnce(call: PreparedCall, started: number, deadline: number): Promise<ActionResult> {
    const { action, prepared, scrubber } = call;
    const redirects: string[] = [];
    let url = prepared.url;
    let method = prepared.method;
    let body = prepared.body;
    let headers = call.headers;
    let request = call.request;
    let status: number | null = null;

    const finish = (outcome: NormalizedOutcome, response: ReceivedResponse | null): ActionResult => {
      const durationMs = Math.round((performance.now() - started) * 100) / 100;
      const truncated = response?.truncated ?? false;
      if (outcome.ok) {
        const result: SucceededActionResult = {
          ok: true,
          callId: call.callId,
          action: action.name,
          status: status ?? 0,
          durationMs,
          request,
          response,
          redirects,
          truncated,
        };
        if (outcome.message !== undefined) result.message = outcome.message;
        else result.data = outcome.data;
        return result;
      }
      const failure = outcome.failure;
      failure.message = scrubber.text(failure.message);
      return {
        ok: false,
        callId: call.callId,
        action: action.name,
        status,
        failure,
        durationMs,
        request,
        response,
        redirects,
        truncated,
      };
    };

    try {
      for (let hop = 0; ; hop += 1) {
        const check = checkBeforeConnect(url, allowlist);
        if (!check.allowed) {
          const message = `the destination is not allowed: ${check.reason}`;
          return finish({ ok: false, failure: { kind: 'blocked', message, expected: false } }, null);
        }
        const remainingMs = Math.max(1, Math.ceil(deadline - performance.now()));
        const response = await dispatchCapped(
          agent,
          { origin: url.origin, path: `${url.pathname}${url.search}`, method, headers, body },
          { capBytes: responseCapBytes, timeoutMs: remainingMs },
        );
        status = response.status;
        const location = headerValue(response.headers.location);
        const canFollow = REDIRECT_STATUSES.has(status) && action.followRedirects && hop < MAX_REDIRECTS;
        const next = canFollow ? followRedirect(url, method, status, location) : undefined;
        if (next) {
          if (next.crossOrigin) withoutQueryCredentials(next.url, prepared);
          redirects.push(redactUrl(next.url, prepared.secretQueryParameters, scrubber));
          url = next.url;
          method = next.method;
          if (!next.keepBody) body = undefined;
          headers = redirectHeaders(headers, next, body, call, now());
          request = redactRequest({ ...prepared, method, body }, url, headers, scrubber);
          continue;
        }
        // Parsed as received, then scrubbed: a JSON escape or a percent-encoding cannot hide a secret.
        const text = response.body.toString('utf8');
        const received: ReceivedResponse = {
          status,
          headers: flattenHeaders(response.headers, scrubber),
          body: scrubber.text(text, { cut: response.truncated }),
          bodyBytes: response.body.length,
          truncated: response.truncated,
        };
        const outcome = normalizeResponse({
          status,
          body: text,
          truncated: response.truncated,
          scrubber,
          scrubbedBody: received.body,
          redirect: redirectEnd(action.followRedirects, status, hop),
          contentType: headerValue(response.headers['content-type']),
          location,
          retryAfter: headerValue(response.headers['retry-after']),
          now: now(),
        });
        return finish(outcome, received);
      }
    } catch (error) {
      if (error instanceof DeadlineExceededError && error.status !== undefined) status = error.status;
      const budgetMs = Math.round(deadline - started);
      return finish({ ok: false, failure: classifyTransportError(error, budgetMs) }, null);
    }
  }

  return {
    prepare: (call) => prepareCall(call, prepareOptions),
    send: (call) => traceCall(call, () => send(call, performance.now())),
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
      return traceCall(prepared.call, () => send(prepared.call, started));
    },
    scrubberOf: (call) => oauth2.scrubberOf(call),
    // Closing twice (a shutdown hook and a test's cleanup) waits for the first close, not a throw.
    close: () => {
      closed ??= Promise.all([agent.close(), policy?.close(), codePool?.close()]).then(() => undefined);
      return closed;
    },
  };
}
