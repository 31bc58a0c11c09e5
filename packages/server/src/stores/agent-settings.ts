import type { AgentLimits, ValidationIssue } from '@toolgate/core';

/** Where an agent's steps come from: the embedded matcher (default, offline) or an LLM API. */
export const MODEL_PROVIDERS = ['embedded', 'openai', 'anthropic', 'openai-compatible'] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/** The model an agent uses; the API key is stored apart, sealed. */
export interface AgentModelSettings {
  provider: ModelProvider;
  /** The model id (`gpt-4o-mini`, `claude-sonnet-4-5`, `llama3.1`); not used by `embedded`. */
  model?: string;
  /** The API's base URL; required for `openai-compatible`. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** An agent's settings as stored (no secrets). */
export interface AgentSettings {
  systemPrompt?: string;
  model: AgentModelSettings;
  /** Action ids or names it may use; `null`: every enabled action. */
  actions: string[] | null;
  limits: Partial<AgentLimits>;
  fallbackText?: string;
  greeting?: string;
  language?: string;
  phoneRegion?: string;
  timezone?: string;
  webhookTrigger: WebhookTriggerSettings | null;
}

/** Where the `webhook_trigger` tool's events go, and when the model should send one. */
export interface WebhookTriggerSettings {
  url: string;
  description?: string;
}

/** The limits an operator may set; a missing one takes the loop's default. */
export interface AgentLimitSettings {
  maxCallsPerConversation?: number;
  maxStepsPerTurn?: number;
  maxResultChars?: number;
}

/** The model as written to the API: the key is write-only (a string replaces, null removes). */
export interface AgentModelInput extends AgentModelSettings {
  apiKey?: string | null;
}

/** What creates an agent (the API's `CreateAgentBody` describes exactly this: a type test checks). */
export interface AgentInput {
  name: string;
  systemPrompt?: string;
  model?: AgentModelInput;
  actions?: string[] | null;
  limits?: AgentLimitSettings;
  fallbackText?: string;
  greeting?: string;
  language?: string;
  phoneRegion?: string;
  timezone?: string;
  webhookTrigger?: WebhookTriggerSettings | null;
}

/** A change to an agent: absent keeps, `null` removes (a limit: back to its default). */
export interface AgentPatch {
  name?: string;
  systemPrompt?: string | null;
  model?: AgentModelInput;
  actions?: string[] | null;
  limits?: { [Limit in keyof AgentLimitSettings]?: number | null } | null;
  fallbackText?: string | null;
  greeting?: string | null;
  language?: string | null;
  phoneRegion?: string | null;
  timezone?: string | null;
  webhookTrigger?: WebhookTriggerSettings | null;
}

/** The model as the API shows it: whether a key is stored, never the key. */
export interface AgentModelView extends AgentModelSettings {
  apiKeySet: boolean;
}

/** An agent as the API shows it: settings, whether a key is stored (never the key). */
export interface AgentView {
  id: string;
  name: string;
  systemPrompt?: string;
  model: AgentModelView;
  actions: string[] | null;
  limits: AgentLimitSettings;
  fallbackText?: string;
  greeting?: string;
  language?: string;
  phoneRegion?: string;
  timezone?: string;
  webhookTrigger: WebhookTriggerSettings | null;
  createdAt: string;
  updatedAt: string;
}

/** Providers that cannot work without an API key. */
const NEEDS_KEY: ReadonlySet<ModelProvider> = new Set(['openai', 'anthropic']);

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The checks a schema cannot express: what each provider needs, a real time zone. Returns every
 * problem, located by JSON pointer.
 *
 * @example
 * checkAgentSettings({ ...settings, model: { provider: 'openai-compatible', model: 'llama3' } }, false);
 * // [{ path: '/model/baseUrl', message: 'is required for openai-compatible' }]
 */
export function checkAgentSettings(settings: AgentSettings, hasApiKey: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { model } = settings;
  if (model.provider !== 'embedded') {
    if (!model.model) issues.push({ path: '/model/model', message: `is required for ${model.provider}` });
    if (model.provider === 'openai-compatible' && !model.baseUrl) {
      issues.push({ path: '/model/baseUrl', message: 'is required for openai-compatible' });
    }
    if (NEEDS_KEY.has(model.provider) && !hasApiKey) {
      issues.push({ path: '/model/apiKey', message: `is required for ${model.provider}` });
    }
  } else {
    for (const field of ['model', 'baseUrl'] as const) {
      if (model[field] !== undefined)
        issues.push({ path: `/model/${field}`, message: 'is not used by the embedded model' });
    }
    if (hasApiKey) issues.push({ path: '/model/apiKey', message: 'is not used by the embedded model' });
  }
  if (settings.timezone !== undefined && !isTimeZone(settings.timezone)) {
    issues.push({ path: '/timezone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' });
  }
  return issues;
}
