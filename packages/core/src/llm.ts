/**
 * `@toolgate/core/llm`: the LLM adapter, a ChatModel over the AI SDK's providers (OpenAI,
 * Anthropic, OpenAI-compatible servers). A subpath of its own so that the root import
 * `@toolgate/core` does not load the AI SDK.
 */
export {
  createLlmModel,
  DEFAULT_LLM_TIMEOUT_MS,
  type LlmModelOptions,
} from './models/llm/create-llm-model.js';
export { DEFAULT_BASE_URLS, LLM_PROVIDERS, type LlmProvider } from './models/llm/provider-language-model.js';
