import { type AgentAction, type ChatModel, createEmbeddedModel } from '@toolgate/core';
import { createLlmModel } from '@toolgate/core/llm';
import type { LoadedAgent } from '../stores/agent-store.js';

/** Builds the model an agent's turns use. */
export type ModelFactory = (agent: LoadedAgent, actions: readonly AgentAction[]) => ChatModel;

/** Built models kept per agent version; more agents than this and the oldest are rebuilt. */
const MAX_CACHED_MODELS = 1_000;

/**
 * The models of the service's agents: the embedded one built from the agent's actions (its
 * intent index), LLM adapters over the given transport (the outbound policy for model URLs).
 */
export function createModelFactory(options: { fetch?: typeof fetch }): ModelFactory {
  return (agent, actions) => {
    const { model, settings } = { model: agent.settings.model, settings: agent.settings };
    if (model.provider === 'embedded') {
      return createEmbeddedModel({
        actions: actions.map((action) => action.definition),
        ...(settings.phoneRegion ? { defaultRegion: settings.phoneRegion } : {}),
        ...(settings.timezone ? { timezone: settings.timezone } : {}),
      });
    }
    return createLlmModel({
      provider: model.provider,
      model: model.model ?? '',
      ...(agent.apiKey ? { apiKey: agent.apiKey } : {}),
      ...(model.baseUrl ? { baseUrl: model.baseUrl } : {}),
      ...(model.timeoutMs ? { timeoutMs: model.timeoutMs } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  };
}

/** Keeps built models while the agent and its actions stay the same objects. */
export function modelCache(create: ModelFactory) {
  const built = new Map<string, { actions: readonly AgentAction[]; model: ChatModel }>();
  const same = (a: readonly AgentAction[], b: readonly AgentAction[]) =>
    a.length === b.length && a.every((action, index) => action === b[index]);
  return {
    get(agent: LoadedAgent, actions: readonly AgentAction[]): ChatModel {
      const hit = built.get(agent.version);
      if (hit && same(hit.actions, actions)) return hit.model;
      if (built.size >= MAX_CACHED_MODELS) built.delete(built.keys().next().value as string);
      const model = create(agent, actions);
      built.set(agent.version, { actions, model });
      return model;
    },
  };
}
