import {
  languageProblem,
  lengthProblem,
  limitProblem,
  MODEL_TIMEOUT_RULE,
  regionProblem,
  TEXT_LIMITS,
  timeoutMsOfSeconds,
  urlProblem,
} from './agent-rules';
import { type AgentView, LIMIT_NAMES, type LimitName, type ModelProvider } from './agent-view';

/** The texts that a blank field removes. */
export const TEXT_FIELDS = ['fallbackText', 'greeting', 'language', 'phoneRegion', 'timezone'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/**
 * What happens to the model key on save. `keep`: the stored key stays (only while provider and
 * base URL stay the same); `replace`: the key typed in `apiKey` (none typed: no key); `remove`.
 */
export type KeyChoice = 'keep' | 'replace' | 'remove';

/** The agent form as typed: every field a string, so nothing typed is lost. */
export interface AgentDraft {
  name: string;
  systemPrompt: string;
  provider: ModelProvider;
  model: string;
  baseUrl: string;
  /** Seconds, as typed (1-120); blank for the default. */
  timeoutSeconds: string;
  /** A key is stored on the server (`apiKeySet`). */
  keyStored: boolean;
  keyChoice: KeyChoice;
  apiKey: string;
  /** `all`: every enabled action (`actions: null`). */
  actionsMode: 'all' | 'some';
  /** Action ids (or the names the server stored). */
  actions: string[];
  limits: Record<LimitName, string>;
  fallbackText: string;
  greeting: string;
  language: string;
  phoneRegion: string;
  timezone: string;
  webhookEnabled: boolean;
  webhookUrl: string;
  webhookDescription: string;
}

export type AgentLimitsBody = Partial<Record<LimitName, number>>;

export interface AgentModelBody {
  provider: ModelProvider;
  model?: string;
  baseUrl?: string;
  apiKey?: string | null;
  timeoutMs?: number;
}

export interface AgentCreateBody {
  name: string;
  systemPrompt?: string;
  model?: AgentModelBody;
  actions?: string[] | null;
  limits?: AgentLimitsBody;
  fallbackText?: string;
  greeting?: string;
  language?: string;
  phoneRegion?: string;
  timezone?: string;
  webhookTrigger?: { url: string; description?: string } | null;
}

export interface AgentPatchBody {
  name?: string;
  systemPrompt?: string | null;
  model?: AgentModelBody;
  actions?: string[] | null;
  /** Merged on the server: a number sets a limit, `null` resets that one. */
  limits?: Partial<Record<LimitName, number | null>>;
  fallbackText?: string | null;
  greeting?: string | null;
  language?: string | null;
  phoneRegion?: string | null;
  timezone?: string | null;
  webhookTrigger?: { url: string; description?: string } | null;
}

const emptyLimits = (): Record<LimitName, string> => ({
  maxCallsPerConversation: '',
  maxStepsPerTurn: '',
  maxResultChars: '',
});

export function emptyAgentDraft(): AgentDraft {
  return {
    name: '',
    systemPrompt: '',
    provider: 'embedded',
    model: '',
    baseUrl: '',
    timeoutSeconds: '',
    keyStored: false,
    keyChoice: 'replace',
    apiKey: '',
    actionsMode: 'all',
    actions: [],
    limits: emptyLimits(),
    fallbackText: '',
    greeting: '',
    language: '',
    phoneRegion: '',
    timezone: '',
    webhookEnabled: false,
    webhookUrl: '',
    webhookDescription: '',
  };
}

/** The form for a saved agent. */
export function draftFromAgent(view: AgentView): AgentDraft {
  const limits = emptyLimits();
  for (const name of LIMIT_NAMES) {
    const value = view.limits[name];
    if (value !== undefined) limits[name] = String(value);
  }
  return {
    name: view.name,
    systemPrompt: view.systemPrompt ?? '',
    provider: view.model.provider,
    model: view.model.model ?? '',
    baseUrl: view.model.baseUrl ?? '',
    timeoutSeconds: view.model.timeoutMs === undefined ? '' : String(view.model.timeoutMs / 1000),
    keyStored: view.model.apiKeySet,
    keyChoice: view.model.apiKeySet ? 'keep' : 'replace',
    apiKey: '',
    actionsMode: view.actions === null ? 'all' : 'some',
    actions: view.actions ?? [],
    limits,
    fallbackText: view.fallbackText ?? '',
    greeting: view.greeting ?? '',
    language: view.language ?? '',
    phoneRegion: view.phoneRegion ?? '',
    timezone: view.timezone ?? '',
    webhookEnabled: view.webhookTrigger !== null,
    webhookUrl: view.webhookTrigger?.url ?? '',
    webhookDescription: view.webhookTrigger?.description ?? '',
  };
}

/** Whether the provider calls an LLM API (and so takes a model id, base URL, key and timeout). */
export const usesLlm = (provider: ModelProvider) => provider !== 'embedded';

/**
 * What the stored model key does on save, as the form should show it:
 * `none` (no key stored, or the embedded model), `kept`, `replaced`, `removed`, or `dropped`
 * (the provider or base URL changed, so the server will not let the key follow).
 */
export function keyState(
  baseline: AgentDraft,
  draft: AgentDraft,
): 'none' | 'kept' | 'replaced' | 'removed' | 'dropped' {
  if (!usesLlm(draft.provider)) return baseline.keyStored ? 'removed' : 'none';
  if (draft.keyChoice === 'replace' && draft.apiKey !== '') return 'replaced';
  if (!baseline.keyStored) return 'none';
  if (draft.keyChoice === 'remove') return 'removed';
  const sameServer = draft.provider === baseline.provider && draft.baseUrl.trim() === baseline.baseUrl.trim();
  if (!sameServer) return 'dropped';
  // Replace chosen but nothing typed: the stored key stays.
  return 'kept';
}

/** A whole number typed in a field, `undefined` when blank, `NaN` when not a whole number. */
export function parseWhole(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Every problem the form finds itself, by JSON pointer, all at once, with the server's rules and
 * words (`agent-rules.ts`): one save lists everything the server would refuse in the fields.
 */
export function draftProblems(draft: AgentDraft): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const add = (path: string, message: string | undefined) => {
    if (message !== undefined) problems.push({ path, message });
  };
  if (usesLlm(draft.provider)) {
    add('/model/baseUrl', urlProblem(draft.baseUrl));
    if (Number.isNaN(timeoutMsOfSeconds(draft.timeoutSeconds))) add('/model/timeoutMs', MODEL_TIMEOUT_RULE);
  }
  for (const name of LIMIT_NAMES) {
    const value = parseWhole(draft.limits[name]);
    add(`/limits/${name}`, limitProblem(name, value));
  }
  if (draft.name.trim() === '') add('/name', 'is required');
  else add('/name', lengthProblem(draft.name, TEXT_LIMITS.name));
  add('/systemPrompt', lengthProblem(draft.systemPrompt, TEXT_LIMITS.systemPrompt));
  add('/fallbackText', lengthProblem(draft.fallbackText, TEXT_LIMITS.fallbackText));
  add('/greeting', lengthProblem(draft.greeting, TEXT_LIMITS.greeting));
  add('/language', languageProblem(draft.language));
  add('/phoneRegion', regionProblem(draft.phoneRegion));
  add('/timezone', lengthProblem(draft.timezone, TEXT_LIMITS.timezone));
  if (draft.webhookEnabled) {
    if (draft.webhookUrl.trim() === '') add('/webhookTrigger/url', 'is required for a webhook trigger');
    else add('/webhookTrigger/url', urlProblem(draft.webhookUrl));
    add(
      '/webhookTrigger/description',
      lengthProblem(draft.webhookDescription, TEXT_LIMITS.webhookDescription),
    );
  }
  return problems;
}

/** The model object as typed, without the key. */
function modelBody(draft: AgentDraft): AgentModelBody {
  if (!usesLlm(draft.provider)) return { provider: draft.provider };
  const body: AgentModelBody = { provider: draft.provider };
  const model = draft.model.trim();
  const baseUrl = draft.baseUrl.trim();
  const timeoutMs = timeoutMsOfSeconds(draft.timeoutSeconds);
  if (model !== '') body.model = model;
  if (baseUrl !== '') body.baseUrl = baseUrl;
  if (timeoutMs !== undefined && !Number.isNaN(timeoutMs)) body.timeoutMs = timeoutMs;
  return body;
}

function limitsBody(draft: AgentDraft): AgentLimitsBody {
  const limits: AgentLimitsBody = {};
  for (const name of LIMIT_NAMES) {
    const value = parseWhole(draft.limits[name]);
    if (value !== undefined) limits[name] = value;
  }
  return limits;
}

function triggerBody(draft: AgentDraft): { url: string; description?: string } | null {
  if (!draft.webhookEnabled) return null;
  const description = draft.webhookDescription.trim();
  return { url: draft.webhookUrl.trim(), ...(description === '' ? {} : { description }) };
}

const actionsBody = (draft: AgentDraft): string[] | null =>
  draft.actionsMode === 'all' ? null : draft.actions;

/** `POST /agents` from the form: blank fields left out. */
export function createBody(draft: AgentDraft): AgentCreateBody {
  const body: AgentCreateBody = { name: draft.name.trim() };
  if (draft.systemPrompt.trim() !== '') body.systemPrompt = draft.systemPrompt;
  const model = modelBody(draft);
  if (usesLlm(draft.provider) && draft.apiKey !== '') model.apiKey = draft.apiKey;
  body.model = model;
  const actions = actionsBody(draft);
  if (actions !== null) body.actions = actions;
  const limits = limitsBody(draft);
  if (Object.keys(limits).length > 0) body.limits = limits;
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value !== '') body[field] = value;
  }
  const trigger = triggerBody(draft);
  if (trigger !== null) body.webhookTrigger = trigger;
  return body;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedSet = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * The `PATCH /agents/{id}` bodies that turn `baseline` (the saved agent) into `draft`: only what
 * changed; a cleared text is `null`. The model is replaced whole, so it is sent whole when any of
 * it changed, and `apiKey` follows the server's rules: a typed key replaces, `null` removes, absent
 * keeps the stored key (which the server drops when provider or base URL change).
 *
 * Limits merge on the server: a changed limit is sent as its number, a cleared one as `null` (back
 * to the default). One body, or none when nothing changed (a list, for callers that loop).
 *
 * @example
 * buildAgentPatches(draftFromAgent(agent), { ...draftFromAgent(agent), greeting: '' });
 * // [{ greeting: null }]
 */
export function buildAgentPatches(baseline: AgentDraft, draft: AgentDraft): AgentPatchBody[] {
  const patch: AgentPatchBody = {};
  const name = draft.name.trim();
  if (name !== baseline.name.trim()) patch.name = name;
  if (draft.systemPrompt !== baseline.systemPrompt) {
    patch.systemPrompt = draft.systemPrompt.trim() === '' ? null : draft.systemPrompt;
  }

  const model = modelBody(draft);
  const key = keyState(baseline, draft);
  if (key === 'replaced') model.apiKey = draft.apiKey;
  if (key === 'removed' && usesLlm(draft.provider)) model.apiKey = null;
  if (!sameJson(model, modelBody(baseline))) patch.model = model;

  const actions = actionsBody(draft);
  const before = actionsBody(baseline);
  const actionsChanged =
    actions === null || before === null
      ? actions !== before
      : !sameJson(sortedSet(actions), sortedSet(before));
  if (actionsChanged) patch.actions = actions === null ? null : [...new Set(actions)];

  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value !== baseline[field].trim()) patch[field as TextField] = value === '' ? null : value;
  }

  const trigger = triggerBody(draft);
  if (!sameJson(trigger, triggerBody(baseline))) patch.webhookTrigger = trigger;

  const limits = limitsBody(draft);
  const previous = limitsBody(baseline);
  const changed: Partial<Record<LimitName, number | null>> = {};
  for (const limit of LIMIT_NAMES) {
    const value = limits[limit];
    if (value === undefined && previous[limit] !== undefined) changed[limit] = null;
    else if (value !== undefined && value !== previous[limit]) changed[limit] = value;
  }
  if (Object.keys(changed).length > 0) patch.limits = changed;
  return Object.keys(patch).length > 0 ? [patch] : [];
}
