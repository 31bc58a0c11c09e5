import type {
  ActionCall,
  ActionResult,
  ArgumentOptions,
  CallTrigger,
  Executor,
  PreparedCall,
  SentRequest,
} from '@toolgate/core';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/create-metrics.js';
import type { ActionStore } from '../stores/action-store.js';
import type { CallRecordInput } from '../stores/call-record.js';
import type { CallStore, CallView } from '../stores/call-store.js';

/** Who a call is made for; everything optional but the trigger. */
export interface CallOrigin {
  trigger: CallTrigger;
  agentId?: string;
  conversationId?: string;
  contactId?: string;
  /** Reuse to retry the same call (same `webhook-id` and `Idempotency-Key`). */
  callId?: string;
  /** An async action's callback URL, sent as `context.callback_url`. */
  callbackUrl?: string;
  /** When the call was made (`context.timestamp`): a queued delivery's enqueue time, same on every attempt. */
  timestamp?: Date;
  /** Logged, not sent: who called from outside a conversation (`api_key:<id>`). */
  actor?: string;
  /** Logged, not sent: the MCP session the call was made in. */
  mcpSessionId?: string;
}

/** A stored action's call validated, built and signed for a tenant: what `send` sends as it is. */
export interface ReadyCall {
  ok: true;
  callId: string;
  /** The request as it will be sent, secrets redacted. */
  request: SentRequest;
  tenantId: string;
  actionId: string;
  origin: CallOrigin;
  call: PreparedCall;
}

/** A call that cannot be sent (invalid parameters, too large); nothing was sent or recorded. */
export interface UnreadyCall {
  ok: false;
  callId: string;
  request: SentRequest | null;
  error: { kind: string; message: string; issues?: unknown };
}

export type PreparedRun = ReadyCall | UnreadyCall;

/**
 * Makes action calls for the service: loads the action with its secrets, calls it through the
 * executor, records the call in the execution log and counts it. The one path every trigger
 * (test console, agent, events) takes.
 */
export function createCallRunner(deps: {
  executor: Executor;
  actions: ActionStore;
  calls: CallStore;
  metrics: Metrics;
  logger: Logger;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  /** Counts and logs a finished call; returns what its log record is made of. */
  function observe(
    tenantId: string,
    actionId: string | null,
    origin: CallOrigin,
    result: ActionResult,
    at: Date,
  ): CallRecordInput {
    deps.metrics.observeCall({
      tenantId,
      actionId,
      action: result.action,
      trigger: origin.trigger,
      outcome: result.ok ? 'ok' : result.failure.kind,
      durationMs: result.durationMs,
    });
    deps.logger.info(
      {
        callId: result.callId,
        tenantId,
        action: result.action,
        trigger: origin.trigger,
        outcome: result.ok ? 'ok' : result.failure.kind,
        status: result.status,
        durationMs: Math.round(result.durationMs),
      },
      'action call',
    );
    return {
      tenantId,
      actionId,
      trigger: origin.trigger,
      conversationId: origin.conversationId,
      contactId: origin.contactId,
      agentId: origin.agentId,
      actor: origin.actor,
      mcpSessionId: origin.mcpSessionId,
      result,
      at,
    };
  }

  /** Counts, logs and records a finished call. */
  function settle(
    tenantId: string,
    actionId: string | null,
    origin: CallOrigin,
    result: ActionResult,
    at: Date,
  ): Promise<CallView> {
    return deps.calls.record(observe(tenantId, actionId, origin, result, at));
  }

  /** Sends a stored action's call (loaded with its secrets) through the executor. */
  async function execute(
    tenantId: string,
    actionId: string,
    parameters: Record<string, unknown>,
    origin: CallOrigin,
    argumentOptions: ArgumentOptions | undefined,
  ): Promise<ActionResult> {
    const action = await deps.actions.loadForCall(tenantId, actionId);
    return deps.executor.execute({
      action: action.definition,
      parameters,
      signingSecrets: action.signingSecrets,
      credentialScope: `${tenantId}/${actionId}`,
      context: { ...origin },
      ...(argumentOptions ? { argumentOptions } : {}),
    });
  }

  return {
    /**
     * Loads the action with its secrets and validates, builds and signs the call without sending
     * it: a dry run, or the first half of a call that `send` finishes. Nothing is recorded.
     */
    async prepare(
      tenantId: string,
      actionId: string,
      parameters: Record<string, unknown>,
      origin: CallOrigin,
      argumentOptions?: ArgumentOptions,
    ): Promise<PreparedRun> {
      const action = await deps.actions.loadForCall(tenantId, actionId);
      const prepared = deps.executor.prepare({
        action: action.definition,
        parameters,
        signingSecrets: action.signingSecrets,
        credentialScope: `${tenantId}/${actionId}`,
        context: { ...origin },
        ...(argumentOptions ? { argumentOptions } : {}),
      });
      if (prepared.ok) {
        const { call } = prepared;
        return { ok: true, callId: call.callId, request: call.request, tenantId, actionId, origin, call };
      }
      return {
        ok: false,
        callId: prepared.callId,
        request: prepared.request,
        error: {
          kind: prepared.failure.kind,
          message: prepared.failure.message,
          issues: prepared.failure.issues,
        },
      };
    },

    /** Sends a call `prepare` built, as built, records it and returns the result with its log record. */
    async send(ready: ReadyCall): Promise<{ result: ActionResult; record: CallView }> {
      const at = now();
      const result = await deps.executor.send(ready.call);
      return { result, record: await settle(ready.tenantId, ready.actionId, ready.origin, result, at) };
    },

    /**
     * Sends the call and returns its result as soon as it is known; the log record is written
     * meanwhile (`recorded`), so a conversation can go on while it lands.
     */
    async start(
      tenantId: string,
      actionId: string,
      parameters: Record<string, unknown>,
      origin: CallOrigin,
      argumentOptions?: ArgumentOptions,
    ): Promise<{ result: ActionResult; recorded: Promise<CallView> }> {
      const at = now();
      const result = await execute(tenantId, actionId, parameters, origin, argumentOptions);
      const recorded = settle(tenantId, actionId, origin, result, at);
      // Whoever awaits `recorded` sees a failure; this keeps it from being reported as unhandled first.
      recorded.catch(() => undefined);
      return { result, recorded };
    },

    /**
     * Like `start`, for a conversation turn that writes its calls' log records in its own final
     * statement: the record comes back unwritten (`unrecorded`; the call is counted and logged
     * now), and the turn must write it whatever happens (`recordLater` on a failure before its
     * final statement). When subscriptions hear of the tenant's calls (their events go out with
     * the record), it is written at once as in `start` (`recorded`).
     */
    async startForTurn(
      tenantId: string,
      actionId: string,
      parameters: Record<string, unknown>,
      origin: CallOrigin,
      argumentOptions?: ArgumentOptions,
    ): Promise<{
      result: ActionResult;
      recorded: Promise<CallView> | null;
      unrecorded: CallRecordInput | null;
    }> {
      if (!(await deps.calls.recordableLater(tenantId))) {
        const { result, recorded } = await this.start(
          tenantId,
          actionId,
          parameters,
          origin,
          argumentOptions,
        );
        return { result, recorded, unrecorded: null };
      }
      const at = now();
      const result = await execute(tenantId, actionId, parameters, origin, argumentOptions);
      return { result, recorded: null, unrecorded: observe(tenantId, actionId, origin, result, at) };
    },

    /** Writes records `startForTurn` left unwritten (a turn that failed before its final statement). */
    async recordLater(records: readonly CallRecordInput[]): Promise<void> {
      for (const record of records) await deps.calls.record(record);
    },

    /**
     * Sends the call, records it and returns the result with its log record. A call that cannot
     * be prepared is recorded as a failed call, like one the endpoint refused.
     */
    async run(
      tenantId: string,
      actionId: string,
      parameters: Record<string, unknown>,
      origin: CallOrigin,
      argumentOptions?: ArgumentOptions,
    ): Promise<{ result: ActionResult; record: CallView }> {
      const { result, recorded } = await this.start(tenantId, actionId, parameters, origin, argumentOptions);
      return { result, record: await recorded };
    },

    /**
     * Sends a call that is not a stored action (the agent's webhook trigger) and records it
     * like one, without an action id.
     */
    async deliver(
      tenantId: string,
      call: Pick<ActionCall, 'action' | 'event' | 'signingSecrets'>,
      origin: CallOrigin,
    ): Promise<{ result: ActionResult; record: CallView }> {
      const at = now();
      const result = await deps.executor.execute({ ...call, context: { ...origin } });
      return { result, record: await settle(tenantId, null, origin, result, at) };
    },
  };
}

export type CallRunner = ReturnType<typeof createCallRunner>;
