import { isRecord } from '../actions/json-values';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** Where an agent's steps come from: the embedded matcher (offline) or an LLM API. */
export const MODEL_PROVIDERS = ['embedded', 'openai', 'anthropic', 'openai-compatible'] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/** The limits an agent may set; a missing one is the server's default. */
export const LIMIT_NAMES = ['maxCallsPerConversation', 'maxStepsPerTurn', 'maxResultChars'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export type AgentLimits = Partial<Record<LimitName, number>>;

/** An agent as the server shows it (`GET /agents/{id}`): the model key only as `apiKeySet`. */
export interface AgentView {
  id: string;
  name: string;
  systemPrompt?: string;
  model: {
    provider: ModelProvider;
    model?: string;
    baseUrl?: string;
    timeoutMs?: number;
    apiKeySet: boolean;
  };
  /** Action ids or names; `null`: every enabled action. */
  actions: string[] | null;
  limits: AgentLimits;
  fallbackText?: string;
  greeting?: string;
  language?: string;
  phoneRegion?: string;
  timezone?: string;
  webhookTrigger: { url: string; description?: string } | null;
}

export interface CreatedAgent {
  agent: AgentView;
  signingSecret: string;
}

function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

const isProvider = (value: unknown): value is ModelProvider =>
  typeof value === 'string' && (MODEL_PROVIDERS as readonly string[]).includes(value);

/** The string at `key`, or nothing. */
function text<K extends string>(record: Record<string, unknown>, key: K): { [P in K]?: string } {
  const value = record[key];
  return (typeof value === 'string' ? { [key]: value } : {}) as { [P in K]?: string };
}

function toLimits(value: unknown): AgentLimits {
  const limits: AgentLimits = {};
  if (!isRecord(value)) return limits;
  for (const name of LIMIT_NAMES) {
    const limit = value[name];
    if (typeof limit === 'number') limits[name] = limit;
  }
  return limits;
}

/** Checks and narrows one agent of the API. */
export function toAgentView(value: unknown): AgentView {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') {
    throw unexpected('an agent');
  }
  const model = isRecord(value.model) ? value.model : {};
  const trigger = value.webhookTrigger;
  return {
    id: value.id,
    name: value.name,
    ...text(value, 'systemPrompt'),
    model: {
      provider: isProvider(model.provider) ? model.provider : 'embedded',
      ...text(model, 'model'),
      ...text(model, 'baseUrl'),
      ...(typeof model.timeoutMs === 'number' ? { timeoutMs: model.timeoutMs } : {}),
      apiKeySet: model.apiKeySet === true,
    },
    actions: Array.isArray(value.actions)
      ? value.actions.filter((entry): entry is string => typeof entry === 'string')
      : null,
    limits: toLimits(value.limits),
    ...text(value, 'fallbackText'),
    ...text(value, 'greeting'),
    ...text(value, 'language'),
    ...text(value, 'phoneRegion'),
    ...text(value, 'timezone'),
    webhookTrigger:
      isRecord(trigger) && typeof trigger.url === 'string'
        ? { url: trigger.url, ...text(trigger, 'description') }
        : null,
  };
}

/** `GET /agents` (`{ agents }`), sorted by name. */
export function toAgentList(body: unknown): AgentView[] {
  if (!isRecord(body) || !Array.isArray(body.agents)) throw unexpected('an agent list');
  return body.agents.map(toAgentView).sort((a, b) => a.name.localeCompare(b.name));
}

/** `POST /agents`: the agent and its signing secret, shown this once. */
export function toCreatedAgent(body: unknown): CreatedAgent {
  if (!isRecord(body) || typeof body.signingSecret !== 'string') throw unexpected('a created agent');
  return { agent: toAgentView(body.agent), signingSecret: body.signingSecret };
}

/** What the agents list shows of one agent. */
export interface AgentRow {
  id: string;
  name: string;
  /** `embedded`, or `openai · gpt-4o-mini`. */
  model: string;
  /** `All enabled`, `1 action`, `3 actions`. */
  actions: string;
  greeting: string;
}

/** How many actions an agent uses, in words. */
export function actionsSummary(actions: readonly string[] | null): string {
  if (actions === null) return 'All enabled';
  if (actions.length === 0) return 'None';
  return actions.length === 1 ? '1 action' : `${actions.length} actions`;
}

export function toAgentRow(view: AgentView): AgentRow {
  const { provider, model } = view.model;
  return {
    id: view.id,
    name: view.name,
    model: provider !== 'embedded' && model ? `${provider} · ${model}` : provider,
    actions: actionsSummary(view.actions),
    greeting: view.greeting ?? '',
  };
}
