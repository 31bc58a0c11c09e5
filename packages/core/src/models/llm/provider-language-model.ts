import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';

/** The LLM providers Toolgate talks to. */
export const LLM_PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/**
 * Where the hosted providers live when no base URL is given. Set explicitly, so the SDKs'
 * `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL` environment variables never redirect a tenant's agent.
 */
export const DEFAULT_BASE_URLS = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
} as const;

/** What selects and reaches one model. */
export interface ProviderModelSettings {
  provider: LlmProvider;
  model: string;
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  fetch: typeof globalThis.fetch;
}

/** The SDK model, or why the settings cannot make one (said when a step is asked for). */
export type ProviderModel = { ok: true; model: LanguageModel } | { ok: false; problem: string };

function checkBaseUrl(baseUrl: string): string | undefined {
  try {
    const { protocol } = new URL(baseUrl);
    return protocol === 'https:' || protocol === 'http:'
      ? undefined
      : `the base URL must be https, not ${protocol}`;
  } catch {
    return 'the base URL is not a valid absolute URL';
  }
}

/**
 * Builds the AI SDK model for a provider: OpenAI through Chat Completions (`.chat`, not the
 * Responses API), Anthropic through Messages, anything OpenAI-compatible (Ollama, vLLM, LM
 * Studio) through Chat Completions at its base URL. OpenAI and Anthropic need an API key given
 * here: the SDKs' fallback to `OPENAI_API_KEY` / `ANTHROPIC_API_KEY` is never used, so the
 * operator's key cannot be sent to a base URL a tenant chose.
 */
export function createProviderModel(settings: ProviderModelSettings): ProviderModel {
  const { provider, apiKey, fetch } = settings;
  const modelId = settings.model.trim();
  if (!(LLM_PROVIDERS as readonly string[]).includes(provider)) {
    return { ok: false, problem: `unknown provider "${provider}"; use ${LLM_PROVIDERS.join(', ')}` };
  }
  if (modelId === '')
    return { ok: false, problem: 'no model is configured (a model id such as gpt-4o-mini)' };
  const baseUrl = settings.baseUrl?.trim() || undefined;
  const urlProblem = baseUrl === undefined ? undefined : checkBaseUrl(baseUrl);
  if (urlProblem) return { ok: false, problem: urlProblem };
  if (provider === 'openai-compatible') {
    if (baseUrl === undefined) {
      return { ok: false, problem: 'no base URL is configured (e.g. http://127.0.0.1:11434/v1 for Ollama)' };
    }
    const compatible = createOpenAICompatible({
      name: provider,
      baseURL: baseUrl,
      fetch,
      ...(apiKey ? { apiKey } : {}),
    });
    return { ok: true, model: compatible.chatModel(modelId) };
  }
  if (!apiKey) return { ok: false, problem: `no API key is configured for ${provider}` };
  if (provider === 'openai') {
    const openai = createOpenAI({ apiKey, baseURL: baseUrl ?? DEFAULT_BASE_URLS.openai, fetch });
    return { ok: true, model: openai.chat(modelId) };
  }
  const anthropic = createAnthropic({ apiKey, baseURL: baseUrl ?? DEFAULT_BASE_URLS.anthropic, fetch });
  return { ok: true, model: anthropic.messages(modelId) };
}
