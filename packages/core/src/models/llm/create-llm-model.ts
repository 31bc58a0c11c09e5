import { generateText, stepCountIs } from 'ai';
import { type ChatModel, ModelError, type ModelRequest, type ModelResponse } from '../../agent/chat-model.js';
import { createModelFetch, type ModelFetch } from '../../http/transport/model-fetch.js';
import { describeModelFailure, scrubModelMessage } from './describe-model-failure.js';
import { createProviderModel, type LlmProvider } from './provider-language-model.js';
import { toModelMessages } from './to-model-messages.js';
import { toSdkTools } from './to-sdk-tools.js';
import { toToolCallRequests } from './to-tool-call-requests.js';

/** How long one model step may take unless the options say otherwise. */
export const DEFAULT_LLM_TIMEOUT_MS = 30_000;

/** Options of {@link createLlmModel}. */
export interface LlmModelOptions {
  provider: LlmProvider;
  /** The provider's model id: `gpt-4o-mini`, `claude-haiku-4-5`, `llama3.1`... */
  model: string;
  /** Required for `openai` and `anthropic`; optional for `openai-compatible` (sent as a bearer token). */
  apiKey?: string;
  /**
   * The API root, version included: `https://api.openai.com/v1` (the default for openai),
   * `https://api.anthropic.com/v1` (the default for anthropic), `http://127.0.0.1:11434/v1` for
   * Ollama. Required for `openai-compatible`.
   */
  baseUrl?: string;
  /**
   * The transport. Defaults to a shared {@link createModelFetch} with no allowlist (public https
   * endpoints only); pass your own to allowlist a local model server.
   */
  fetch?: typeof globalThis.fetch;
  /** Per step, in ms; default {@link DEFAULT_LLM_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Caps the reply's length; the provider's default when unset. */
  maxOutputTokens?: number;
}

let sharedTransport: ModelFetch | undefined;

/** The policy-checked transport used when the options bring none (created on first use). */
function defaultFetch(): typeof globalThis.fetch {
  sharedTransport ??= createModelFetch();
  return sharedTransport.fetch;
}

/**
 * A {@link ChatModel} backed by an LLM through the AI SDK. Each `respond()` is exactly ONE model
 * step: one `generateText` call with `stopWhen: stepCountIs(1)`, no retries and tools without
 * `execute`, so the model's tool calls come back to the turn loop (which validates, confirms,
 * calls and asks again). Every failure, settings included, is a {@link ModelError} whose message
 * names the provider and what went wrong (`openai: 401 Incorrect API key provided`,
 * `anthropic: timed out after 30000 ms`), never the API key.
 *
 * @example
 * const model = createLlmModel({ provider: 'anthropic', model: 'claude-haiku-4-5', apiKey });
 * const turn = await runTurn({ system, history, userText, state, actions, model, callAction });
 */
export function createLlmModel(options: LlmModelOptions): ChatModel {
  const provider = options.provider;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const built = createProviderModel({
    provider,
    model: options.model,
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? ((input, init) => defaultFetch()(input, init)),
  });

  async function respond(request: ModelRequest): Promise<ModelResponse> {
    if (!built.ok) throw new ModelError(scrubModelMessage(`${provider}: ${built.problem}`, options.apiKey));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const result = await generateText({
        model: built.model,
        ...(request.system.trim() === '' ? {} : { system: request.system }),
        messages: toModelMessages(request.messages),
        ...(request.tools.length === 0 ? {} : { tools: toSdkTools(request.tools) }),
        stopWhen: stepCountIs(1),
        maxRetries: 0,
        abortSignal: signal,
        ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
      });
      return {
        text: result.text,
        toolCalls: toToolCallRequests(result.toolCalls),
        debug: {
          provider,
          model: options.model,
          finishReason: result.finishReason,
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
        },
      };
    } catch (error) {
      // The SDK's error is not attached as the cause: it carries the whole prompt and the raw
      // response body, which may quote the key.
      throw new ModelError(
        describeModelFailure(error, {
          provider,
          timeoutMs,
          timedOut: timeout.aborted,
          cancelled: request.signal?.aborted ?? false,
          apiKey: options.apiKey,
        }),
      );
    }
  }

  return { kind: provider, respond };
}
