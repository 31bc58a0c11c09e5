import type { ToolDefinition } from '../actions/to-tool-definition.js';
import { ToolgateError } from '../errors.js';

/** A model's request to call a tool. */
export interface ToolCallRequest {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** One message of a conversation, in the provider-neutral form every adapter translates. */
export type ChatMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRequest[] }
  | {
      role: 'tool';
      toolCallId: string;
      toolName: string;
      /**
       * What the model reads of the tool's result: a `ToolContent` when this loop wrote it; kept
       * `unknown` because a history read back from storage may hold what older versions wrote.
       */
      content: unknown;
      /** The execution log id when a call was made (links the transcript to the log). */
      callId?: string;
    };

/** What a model is asked for one step. */
export interface ModelRequest {
  system: string;
  messages: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  /** The model's own state from its previous step in this conversation (the embedded agent's memory). */
  state: unknown;
  /** The time relative dates are read from: the conversation's reference time, or now. */
  now?: Date;
  signal?: AbortSignal;
}

/** One step's answer: text for the customer, tool calls, or both. */
export interface ModelResponse {
  text: string;
  toolCalls: ToolCallRequest[];
  /** Saved with the conversation and handed back on the next step. */
  state?: unknown;
  /** Why the model decided as it did (scores, extracted values); shown in debug events. */
  debug?: Record<string, unknown>;
}

/**
 * Anything that can take a step of a conversation: the LLM adapters and the embedded agent alike.
 * Implementations throw {@link ModelError} when the model cannot answer.
 */
export interface ChatModel {
  readonly kind: string;
  respond(request: ModelRequest): Promise<ModelResponse>;
}

/** The model could not answer (endpoint down, timeout, malformed reply). */
export class ModelError extends ToolgateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('model_failed', message, options);
    this.name = 'ModelError';
  }
}
