import { DEFAULT_CODE_LIMITS } from '../../code/code-limits.js';
import type { CodeWorkerPool } from '../../code/code-worker-pool.js';
import { type CodeFetch, runCodeAction } from '../../code/run-code-action.js';
import type { ActionResult } from './action-result.js';
import type { PreparedCall } from './prepare-call.js';

/** A fetch through the outbound policy (the executor's model-fetch transport). */
export type PolicyFetch = typeof globalThis.fetch;

/** The sandbox's fetch over the outbound policy: https only, every address checked, no redirects, capped. */
export function codeFetchOver(policyFetch: PolicyFetch): CodeFetch {
  return async (request, signal) => {
    let response: Response;
    try {
      response = await policyFetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === null ? {} : { body: request.body }),
        signal,
      });
    } catch (error) {
      // fetch says only "fetch failed"; the reason (blocked, refused, too large) is its cause.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      throw new Error(cause instanceof Error ? cause.message : String(cause));
    }
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  };
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

/** A code action's call on an executor that does not run code: nothing runs, nothing is sent. */
export function codeActionsOff(call: PreparedCall, started: number): ActionResult {
  return {
    callId: call.callId,
    action: call.action.name,
    durationMs: elapsed(started),
    request: null,
    response: null,
    redirects: [],
    truncated: false,
    ok: false,
    status: null,
    failure: { kind: 'code_error', message: 'code actions are not enabled on this server', expected: false },
  };
}

/**
 * Runs a prepared call of a code action: its code gets the validated parameters and the call's
 * context, it runs in a worker of `pool`, its requests go through `fetch` (the outbound policy)
 * within the action's `timeoutMs`, and what it returns is the call's data. A failing run is a
 * `code_error` (or a `timeout`).
 */
export async function runCodeCall(
  call: PreparedCall,
  sandbox: { fetch: CodeFetch; pool: CodeWorkerPool },
  started: number,
): Promise<ActionResult> {
  const code = call.action.code;
  if (!code) throw new Error(`${call.action.name} is not a code action`);
  const { context } = call;
  const run = await runCodeAction({
    pool: sandbox.pool,
    source: code.source,
    input: {
      parameters: call.parameters,
      context: {
        call_id: context.callId,
        action: call.action.name,
        trigger: context.trigger,
        timestamp: context.timestamp.toISOString(),
        ...(context.agentId ? { agent_id: context.agentId } : {}),
        ...(context.conversationId ? { conversation_id: context.conversationId } : {}),
        ...(context.contactId ? { contact_id: context.contactId } : {}),
      },
    },
    credentials: code.credentials ?? {},
    fetch: sandbox.fetch,
    limits: { ...DEFAULT_CODE_LIMITS, ...code.limits },
    timeoutMs: Math.max(1, call.action.timeoutMs - (performance.now() - started)),
  });
  const common = {
    callId: call.callId,
    action: call.action.name,
    durationMs: elapsed(started),
    request: null,
    response: null,
    redirects: [],
    truncated: false,
    code: { requests: run.requests, logs: run.logs },
  };
  if (run.ok) return { ...common, ok: true, status: 200, data: run.value };
  return {
    ...common,
    ok: false,
    status: null,
    failure: {
      kind: run.error.kind === 'timeout' ? 'timeout' : 'code_error',
      message: `the code ${run.error.kind === 'compile' ? 'does not compile' : 'failed'}: ${run.error.message}`,
      expected: false,
    },
  };
}
