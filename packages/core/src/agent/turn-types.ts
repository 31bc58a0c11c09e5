import type { ToolDefinition } from '../actions/to-tool-definition.js';
import type { ArgumentOptions } from '../actions/validate-arguments.js';
import type { ActionResult, FailureKind } from '../http/call/action-result.js';
import type { AgentAction, AgentLimits } from './agent-action.js';
import type { ChatMessage, ChatModel } from './chat-model.js';

/** What a conversation remembers between turns (stored as JSON with the conversation). */
export interface ConversationState {
  /**
   * A call waiting for the customer's yes, as the agent read it back. `id` (in the
   * `approval-requested` event) lets a client confirm exactly this call with an event; states
   * stored before ids were given have none and are confirmed by message only.
   */
  pending?: { id?: string; action: string; arguments: Record<string, unknown> };
  /** Action calls made so far in the conversation. */
  callsMade: number;
  /** Recent calls, for per-action windows (epoch ms). */
  recentCalls: Array<{ action: string; at: number }>;
  /** The model's own memory (the embedded agent's slots and intent). */
  modelState?: unknown;
  /**
   * The conversation's own clock (ISO 8601), set when it started: relative dates ("next
   * Friday") are read from it in every turn, so a transcript replays the same. Absent: now.
   */
  referenceTime?: string;
}

export const EMPTY_CONVERSATION_STATE: ConversationState = { callsMade: 0, recentCalls: [] };

/** Something that happened during a turn, in order; streamed to clients as it happens. */
export type TurnEvent =
  | { type: 'action-started'; action: string; callId: string; arguments: Record<string, unknown> }
  /** An async action answered 202: its result comes later, as a follow-up message. */
  | { type: 'action-pending'; action: string; callId: string; text: string }
  | { type: 'action-delayed'; action: string; callId: string; text: string }
  | { type: 'action-completed'; action: string; callId: string; result: unknown }
  | {
      type: 'action-failed';
      action: string;
      callId: string;
      /** `status`: the endpoint's HTTP status, when it answered. */
      failure: { kind: string; message: string; status?: number };
    }
  | {
      type: 'approval-requested';
      action: string;
      arguments: Record<string, unknown>;
      text: string;
      /** Send it as the event's `confirmationId` to confirm this call from a button. */
      confirmationId: string;
    }
  | { type: 'message'; text: string; reason: 'start' | 'delayed' | 'failure' | 'reply' }
  /**
   * The agent asks the customer for one parameter (missing, or given in a form that did not fit):
   * a client can offer quick replies (`options`, an enum's values) or a date picker (`format`).
   */
  | {
      type: 'parameter-requested';
      action: string;
      parameter: string;
      reason: 'missing' | 'invalid';
      question: string;
      options?: unknown[];
      format?: string;
      valueType?: string;
    }
  | { type: 'limit-reached'; action: string; message: string }
  | { type: 'model-error'; message: string }
  | { type: 'debug'; step: number; data: Record<string, unknown> };

/**
 * A tool the service itself provides (the webhook trigger): not an endpoint action, so no
 * parameter schema of scalars, no confirmation. `run` starts the work and answers at once: it
 * must not hold up the reply.
 */
export interface BuiltinTool {
  definition: ToolDefinition;
  run(args: Record<string, unknown>, callId: string): Promise<BuiltinToolResult>;
}

/**
 * What a built-in tool answered. A failure without `kind` refused the payload: nothing was done, it
 * is not counted. A failure with `kind` is a call that was made and failed (a remote MCP server
 * unreachable, or its tool's error): it is counted like a call and reported with that kind.
 */
export type BuiltinToolResult =
  | { ok: true; content: unknown }
  | { ok: false; message: string; kind?: FailureKind };

/** Everything one turn needs. */
export interface TurnInput {
  system: string;
  /** The conversation so far, without the new message. */
  history: readonly ChatMessage[];
  userText: string;
  state: ConversationState;
  /** The actions this agent may use (enabled ones only). */
  actions: readonly AgentAction[];
  model: ChatModel;
  /** Tools beside the actions (the webhook trigger). */
  builtinTools?: readonly BuiltinTool[];
  /** Makes one call (the service records it); never throws for the endpoint's faults. */
  callAction(action: AgentAction, args: Record<string, unknown>, callId: string): Promise<ActionResult>;
  limits?: Partial<AgentLimits>;
  argumentOptions?: ArgumentOptions;
  /** Said when the model fails. */
  fallbackText?: string;
  /** Ends the turn early (the service's turn deadline): no further model step is taken. */
  signal?: AbortSignal;
  /** Receives each event as it happens (server-sent events). */
  onEvent?(event: TurnEvent): void;
  now?(): number;
}

/** What a turn produced. */
export interface TurnOutput {
  reply: string;
  /** Messages to append to the history: the user's, the tool calls and results, the reply. */
  messages: ChatMessage[];
  state: ConversationState;
  events: TurnEvent[];
}
