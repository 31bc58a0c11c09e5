import type { FailureKind } from '../http/call/action-result.js';
import type { ModelResult } from '../http/call/model-result.js';

/** Why the loop gave no result of a call: kinds of its own, beside the call failures (`FAILURE_KINDS`). */
export type LoopRefusalKind =
  /** The model named a tool the agent does not have. */
  | 'unknown_action'
  /** A call limit refused it (see `call-limits.ts`). */
  | 'limit_reached'
  /** An earlier call of the same step already ended the turn; this one was not made. */
  | 'skipped';

/** A call's result too long for the model: the start of its data, marked cut. */
export interface TruncatedToolContent {
  ok: true;
  status: number;
  dataPreview: string;
  truncated: true;
}

/** What a built-in tool (the webhook trigger) answered. */
export interface BuiltinToolContent {
  ok: true;
  data: unknown;
}

/** No call was made: the loop refused it, or the arguments did not fit (`invalid_arguments`). */
export interface RefusedToolContent {
  ok: false;
  error: { kind: FailureKind | LoopRefusalKind; message: string };
}

/** The call waits for the customer's yes; nothing was sent. */
export interface AwaitingConfirmationToolContent {
  ok: false;
  awaitingConfirmation: true;
}

/**
 * An async action accepted the call (202): the answer comes later, through its callback, and the
 * agent then follows up in the conversation. The model must not guess the result meanwhile.
 */
export interface PendingToolContent {
  ok: true;
  status: 202;
  pending: true;
  /** What the agent said meanwhile ("I'm checking with the warehouse"). */
  message: string;
}

/**
 * Everything the model can read as a tool's result, one union: `ok` says whether there is a
 * result; a failure has `error` (with `status` when a call was made: a {@link ModelResult}) or
 * `awaitingConfirmation`; a success has `status` (a call) or only `data` (a built-in tool).
 */
export type ToolContent =
  | ModelResult
  | TruncatedToolContent
  | BuiltinToolContent
  | PendingToolContent
  | RefusedToolContent
  | AwaitingConfirmationToolContent;

/**
 * The content of a call the loop did not make.
 *
 * @example
 * refusedContent('limit_reached', 'I can only ...'); // { ok: false, error: { kind: 'limit_reached', message: 'I can only ...' } }
 */
export function refusedContent(
  kind: RefusedToolContent['error']['kind'],
  message: string,
): RefusedToolContent {
  return { ok: false, error: { kind, message } };
}
