import {
  type AgentAction,
  type ArgumentOptions,
  type BuiltinTool,
  type ChatModel,
  type ConversationState,
  DEFAULT_AGENT_LIMITS,
  type TurnInput,
  toAgentAction,
} from '@toolgate/core';
import type { Logger } from 'pino';
import type { CallRunner } from '../calls/call-runner.js';
import type { NewDelivery } from '../deliveries/delivery-types.js';
import type { EmittedEvent } from '../deliveries/event-types.js';
import type { RemoteTurnTools } from '../remote-mcp/remote-turn-tools.js';
import type { ActionStore, StoredAction } from '../stores/action-store.js';
import type { LoadedAgent } from '../stores/agent-store.js';
import type { CallRecordInput } from '../stores/call-record.js';
import type { AsyncCallHooks } from './async-call-hooks.js';
import { composeSystemPrompt } from './compose-system-prompt.js';
import { type ModelFactory, modelCache } from './model-for-agent.js';
import { WEBHOOK_TRIGGER_TOOL, webhookTriggerTool } from './webhook-trigger-tool.js';

/** What the agent's model is built from: an embedded model also chooses among remote tools. */
function embeddedChoices(
  agent: LoadedAgent,
  actions: readonly AgentAction[],
  remote: readonly AgentAction[] | undefined,
): readonly AgentAction[] {
  if (!remote || remote.length === 0 || agent.settings.model.provider !== 'embedded') return actions;
  return [...actions, ...remote];
}

/** Built actions kept across turns; past this many the cache starts again. */
const MAX_CACHED_ACTIONS = 10_000;

/** The conversation a turn belongs to. */
export interface TurnConversation {
  id: string;
  contactId: string | null;
  state: ConversationState;
}

/** An action the agent may use, carrying the stored action's id the runner needs. */
export type UsableAction = AgentAction & { id: string };

/**
 * Everything a turn needs from the service, built per agent: its usable actions, its model, its
 * tools, its prompt. Built pieces are cached by version (an action's id and update time, the
 * agent's version counter), so a turn on a warm agent costs no rebuilding.
 */
export function createAgentRuntime(deps: {
  actions: ActionStore;
  runner: CallRunner;
  logger: Logger;
  createModel: ModelFactory;
  /** Async actions' callbacks (set once the service is wired; absent: async actions run sync). */
  asyncCalls?: () => AsyncCallHooks;
  /** The agent's remote MCP servers' tools, offered beside its actions (docs/architecture/mcp.md). */
  remoteTools?: RemoteTurnTools;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  /** By action id and version: the read cache hands out fresh objects, a version changes only on a write. */
  const agentActions = new Map<string, UsableAction>();
  const models = modelCache(deps.createModel);

  function agentActionOf(stored: StoredAction): UsableAction {
    const key = `${stored.id}@${stored.updatedAt}`;
    let built = agentActions.get(key);
    if (!built) {
      if (agentActions.size >= MAX_CACHED_ACTIONS) agentActions.clear();
      built = {
        ...toAgentAction(stored.definition as unknown as AgentAction['definition']),
        id: stored.id,
      };
      agentActions.set(key, built);
    }
    return built;
  }

  /** The enabled actions the agent may use (all, or the ones it lists by id or name). */
  async function usableActions(tenantId: string, agent: LoadedAgent): Promise<UsableAction[]> {
    const stored = await deps.actions.list(tenantId);
    const wanted = agent.settings.actions;
    return stored
      .filter((action) => action.enabled)
      .filter(
        (action) =>
          wanted === null || wanted.includes(action.id) || wanted.includes(action.definition.name as string),
      )
      .map(agentActionOf);
  }

  /** Every enabled action of the tenant, whatever agent (the tenant-wide tools API). */
  async function enabledActions(tenantId: string): Promise<UsableAction[]> {
    const stored = await deps.actions.list(tenantId);
    return stored.filter((action) => action.enabled).map(agentActionOf);
  }

  function argumentOptionsOf(agent: LoadedAgent): ArgumentOptions {
    return {
      ...(agent.settings.phoneRegion
        ? { defaultRegion: agent.settings.phoneRegion as ArgumentOptions['defaultRegion'] }
        : {}),
      ...(agent.settings.timezone ? { timezone: agent.settings.timezone } : {}),
    };
  }

  return {
    usableActions,
    enabledActions,
    argumentOptionsOf,

    /** The parts of `TurnInput` that come from the agent and the service. */
    async turnSetup(
      tenantId: string,
      agent: LoadedAgent,
      conversation: TurnConversation,
      /** The turn writes its calls' log records with its final statement (`unrecorded()`). */
      options: { recordCallsWithTurn?: boolean } = {},
    ): Promise<
      Omit<TurnInput, 'history' | 'userText' | 'state' | 'onEvent'> & {
        model: ChatModel;
        /** Resolves when every call of the turn written as it was made is in the execution log. */
        recorded(): Promise<void>;
        /** With `recordCallsWithTurn`: the records left for the turn's final statement to write. */
        unrecorded(): CallRecordInput[];
        /** What the turn queued (webhook trigger events), to write with its messages. */
        deliveries(): NewDelivery[];
        /** Events of the turn for subscriptions (`lead.captured`), to write with its messages. */
        events(): EmittedEvent[];
      }
    > {
      const actions = await usableActions(tenantId, agent);
      const origin = {
        trigger: 'ai_intent' as const,
        agentId: agent.id,
        conversationId: conversation.id,
        ...(conversation.contactId ? { contactId: conversation.contactId } : {}),
      };
      const argumentOptions = argumentOptionsOf(agent);
      const records: Array<Promise<unknown>> = [];
      const unrecorded: CallRecordInput[] = [];
      const builtinTools: BuiltinTool[] = [];
      const queued: NewDelivery[] = [];
      const trigger = agent.settings.webhookTrigger;
      const leads: EmittedEvent[] = [];
      if (trigger && !actions.some((action) => action.definition.name === WEBHOOK_TRIGGER_TOOL)) {
        builtinTools.push(
          webhookTriggerTool({
            tenantId,
            ...(trigger.description ? { description: trigger.description } : {}),
            origin: {
              agentId: agent.id,
              conversationId: conversation.id,
              ...(conversation.contactId ? { contactId: conversation.contactId } : {}),
            },
            queue: (delivery) => queued.push(delivery),
            // Subscriptions hear of each event sent as lead.captured, written with the turn.
            onSent: (event) =>
              leads.push({
                tenantId,
                type: 'lead.captured',
                agentId: agent.id,
                data: {
                  conversationId: conversation.id,
                  agentId: agent.id,
                  contactId: conversation.contactId ?? null,
                  event: event.event,
                  data: event.data,
                },
              }),
          }),
        );
      }
      const remote = await deps.remoteTools?.forTurn({
        tenantId,
        agentId: agent.id,
        conversationId: conversation.id,
        ...(conversation.contactId ? { contactId: conversation.contactId } : {}),
        takenNames: new Set([
          ...actions.map((action) => action.definition.name),
          ...builtinTools.map((tool) => tool.definition.name),
        ]),
        maxResultChars: agent.settings.limits?.maxResultChars ?? DEFAULT_AGENT_LIMITS.maxResultChars,
      });
      if (remote) builtinTools.push(...remote.tools);
      return {
        system: composeSystemPrompt(
          agent.settings,
          conversation.state.referenceTime ? new Date(conversation.state.referenceTime) : now(),
        ),
        actions,
        builtinTools,
        // The embedded model chooses among remote tools too (the ones with scalar parameters).
        model: models.get(agent, embeddedChoices(agent, actions, remote?.actions)),
        limits: agent.settings.limits,
        argumentOptions,
        ...(agent.settings.fallbackText ? { fallbackText: agent.settings.fallbackText } : {}),
        async callAction(action, args, callId) {
          // The loop hands back one of `actions`: the id travels with it.
          if (action.id === undefined)
            throw new Error(`the action ${action.definition.name} has no stored id`);
          const async = action.definition.async === undefined ? undefined : deps.asyncCalls?.();
          const callbackUrl = async
            ? await async.open({
                tenantId,
                conversationId: conversation.id,
                action: { ...action, id: action.id },
                arguments: args,
                callId,
              })
            : undefined;
          const callOrigin = { ...origin, callId, ...(callbackUrl ? { callbackUrl } : {}) };
          // An async call's record must exist before its answer can land on it: written at once.
          if (options.recordCallsWithTurn && !async) {
            const started = await deps.runner.startForTurn(
              tenantId,
              action.id,
              args,
              callOrigin,
              argumentOptions,
            );
            if (started.recorded) records.push(started.recorded);
            if (started.unrecorded) unrecorded.push(started.unrecorded);
            return started.result;
          }
          const { result, recorded } = await deps.runner.start(
            tenantId,
            action.id,
            args,
            callOrigin,
            argumentOptions,
          );
          records.push(recorded);
          if (async) records.push(async.settleImmediate(tenantId, result));
          return result;
        },
        async recorded() {
          await Promise.all([...records, remote?.recorded()]);
        },
        unrecorded: () => unrecorded,
        deliveries: () => queued,
        events: () => leads,
      };
    },
  };
}

export type AgentRuntime = ReturnType<typeof createAgentRuntime>;
