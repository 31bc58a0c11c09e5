import { APICallError, JSONParseError, TypeValidationError } from 'ai';
import { createSecretScrubber } from '../../http/call/redact.js';
import { ModelResponseTooLargeError } from '../../http/transport/model-fetch.js';
import { TargetBlockedError } from '../../http/transport/target-blocked-error.js';

/** Longest failure message; provider messages can be long (and are meant for developers). */
const MAX_MESSAGE_LENGTH = 400;

/** What is known about the failed step besides the error. */
export interface FailureContext {
  /** Prefix of every message: the provider's name. */
  provider: string;
  timeoutMs: number;
  /** The step's own timeout fired. */
  timedOut: boolean;
  /** The caller's signal was aborted. */
  cancelled: boolean;
  /** Never appears in a message, even when the endpoint echoes it back. */
  apiKey?: string | undefined;
}

/** The error and its causes, outermost first (cycles cut). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Key-like tokens (`sk-...`, masked `sk-proj-****abcd`) some providers quote in auth errors. */
const KEY_LIKE = /\bsk-[\w*.-]{3,}[\w*]|\*{4,}[\w-]*/g;

/** Removes the API key in any spelling (and anything shaped like a key) and caps the length. */
export function scrubModelMessage(message: string, apiKey: string | undefined): string {
  // Every spelling of the key, as the executor scrubs an action's secrets (`secret-variants.ts`).
  let scrubbed = apiKey ? createSecretScrubber([apiKey]).text(message) : message;
  scrubbed = scrubbed.replace(KEY_LIKE, '[redacted]').replace(/\s+/g, ' ').trim();
  return scrubbed.length > MAX_MESSAGE_LENGTH ? `${scrubbed.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : scrubbed;
}

function describeStatus(error: APICallError, chain: readonly unknown[]): string {
  const status = error.statusCode as number;
  if (status >= 300 && status < 400) {
    return `${status} redirect not followed; model endpoints must answer directly (check the base URL)`;
  }
  if (status < 300) {
    const detail = chain.some((cause) => JSONParseError.isInstance(cause))
      ? 'the body is not valid JSON'
      : chain.some((cause) => TypeValidationError.isInstance(cause))
        ? 'the body does not have the expected shape'
        : messageOf(chain.at(-1));
    return `malformed response (${status}): ${detail}`;
  }
  // The provider's own error message when it sent one, else the status text.
  const message = error.message.trim();
  return message === '' ? `${status} error` : `${status} ${message}`;
}

function describe(error: unknown, context: FailureContext): string {
  if (context.timedOut) return `timed out after ${context.timeoutMs} ms`;
  if (context.cancelled) return 'the request was cancelled';
  const chain = causeChain(error);
  const blocked = chain.find((cause) => cause instanceof TargetBlockedError);
  if (blocked) return `the model endpoint is not allowed: ${messageOf(blocked)}`;
  const tooLarge = chain.find((cause) => cause instanceof ModelResponseTooLargeError);
  if (tooLarge) return messageOf(tooLarge);
  if (APICallError.isInstance(error)) {
    if (error.statusCode !== undefined) return describeStatus(error, chain);
    const root = chain.at(-1);
    const code = (root as { code?: unknown } | undefined)?.code;
    return `the model endpoint could not be reached: ${messageOf(root)}${typeof code === 'string' && !messageOf(root).includes(code) ? ` (${code})` : ''}`;
  }
  if (chain.some((cause) => JSONParseError.isInstance(cause) || TypeValidationError.isInstance(cause))) {
    return 'malformed response: the body does not have the expected shape';
  }
  return messageOf(error);
}

/**
 * An operator-readable message for a failed model step: `openai: 401 Incorrect API key provided`,
 * `anthropic: timed out after 30000 ms`, `openai: malformed response (200): the body is not
 * valid JSON`, `openai-compatible: the model endpoint is not allowed: ...`. The API key never
 * appears in it.
 */
export function describeModelFailure(error: unknown, context: FailureContext): string {
  return scrubModelMessage(`${context.provider}: ${describe(error, context)}`, context.apiKey);
}
