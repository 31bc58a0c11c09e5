import type { ActionDefinition } from '../../actions/action-definition.js';
import type {
  ChatMessage,
  ChatModel,
  ModelRequest,
  ModelResponse,
  ToolCallRequest,
} from '../../agent/chat-model.js';
import { classifyReply } from '../../agent/classify-reply.js';
import { askWhichAction, resolveActionChoice } from './choose-action.js';
import { chooseSlotStrategy } from './choose-slot-strategy.js';
import { continueIntent, missingOf } from './continue-intent.js';
import { correctionValues } from './correction-values.js';
import { describeData } from './describe-data.js';
import { detectEntities } from './detect-entities.js';
import { explainDecision } from './explain-decision.js';
import { type ExtractSlotsOptions, extractSlots } from './extract-slots.js';
import { preferByValues } from './fill-evidence.js';
import {
  asksToRetry,
  closingOf,
  isGreeting,
  lastCall,
  lastFailedCall,
  RETRY_CALL_PREFIX,
} from './follow-ups.js';
import { buildIntentIndex, type IntentResult, scoreIntent } from './intent/index.js';
import { accountInRequest, detailsParameter } from './request-details.js';

/** What the embedded agent remembers between steps. */
export interface EmbeddedState {
  /** The action being prepared. */
  intent?: string;
  /** Values collected so far for it. */
  slots: Record<string, unknown>;
  /** Several actions fitted `text` equally well and the customer was asked which one (`names`). */
  choosing?: { names: string[]; text: string };
}

export interface EmbeddedModelOptions {
  /** The actions it may choose from (with their conversation triggers). */
  actions: readonly ActionDefinition[];
  /** Phone region and time zone of the agent's customers. */
  defaultRegion?: string;
  timezone?: string;
  now?: () => Date;
  threshold?: number;
  margin?: number;
  /** Enum synonyms by parameter and value. */
  synonyms?: Record<string, Record<string, string[]>>;
}

const lastOf = (messages: readonly ChatMessage[]) => messages[messages.length - 1];

function stateOf(request: ModelRequest): EmbeddedState {
  const state = request.state as EmbeddedState | undefined;
  return state && typeof state === 'object' ? { ...state, slots: { ...state.slots } } : { slots: {} };
}

/**
 * The last call again with what a correction changes ("sorry, I meant UPS" after a lookup), or
 * nothing when the correction states no new value for it.
 */
function redoWithCorrection(
  call: ToolCallRequest | undefined,
  byName: ReadonlyMap<string, ActionDefinition>,
  text: string,
  options: Omit<ExtractSlotsOptions, 'only'>,
): ModelResponse | undefined {
  const action = call ? byName.get(call.name) : undefined;
  if (!call || !action?.parameters) return undefined;
  const found = extractSlots(text, action.parameters, { ...options, actionDescription: action.description });
  const changed = Object.entries(correctionValues(text, found, action.parameters)).filter(
    ([name, value]) => call.arguments[name] !== value,
  );
  if (changed.length === 0) return undefined;
  const slots = { ...call.arguments, ...Object.fromEntries(changed) };
  return {
    text: '',
    toolCalls: [{ id: `embedded_${Date.now().toString(36)}`, name: action.name, arguments: slots }],
    state: { intent: action.name, slots },
    debug: { corrected: action.name, changed: Object.fromEntries(changed) },
  };
}

/** Below this, the words that chose an action are weak enough for a value's shape to overrule them. */
const WEAK_WORDS_SCORE = 0.6;

/** Whether the reply answers a free-text question the agent asked: more than a few words of it. */
function isFreeTextAnswer(
  state: EmbeddedState,
  byName: ReadonlyMap<string, ActionDefinition>,
  otherWords: number,
): boolean {
  const action = state.intent ? byName.get(state.intent) : undefined;
  const [asked, ...more] = action ? missingOf(action.parameters, state.slots) : [];
  const schema = asked ? action?.parameters?.properties[asked] : undefined;
  if (!asked || more.length > 0 || !schema || otherWords <= 4) return false;
  return (
    chooseSlotStrategy(schema, false, asked) === undefined &&
    chooseSlotStrategy(schema, true, asked) === 'free-text'
  );
}

/**
 * The default model: deterministic, offline, no LLM. It picks the action that fits the message
 * (scored from the action's texts and triggers), fills its parameters from what the customer
 * writes, and proposes the call; the conversation loop asks for what is missing and confirms.
 * After a call it phrases the data as a short labelled text. Every step says why in `debug`.
 */
export function createEmbeddedModel(options: EmbeddedModelOptions): ChatModel {
  const byName = new Map(options.actions.map((action) => [action.name, action]));
  const index = buildIntentIndex(
    options.actions.map((action) => ({
      name: action.name,
      ...(action.displayName ? { displayName: action.displayName } : {}),
      description: action.description,
      parameterDescriptions: Object.values(action.parameters?.properties ?? {})
        .map((schema) => schema.description ?? '')
        .filter((text) => text !== ''),
      ...(action.conversation?.triggers ? { triggers: action.conversation.triggers } : {}),
    })),
  );
  const slotOptions = (at: Date) => ({
    referenceDate: at,
    timezone: options.timezone ?? 'UTC',
    defaultRegion: options.defaultRegion ?? 'US',
    ...(options.synonyms ? { synonyms: options.synonyms } : {}),
  });
  const labels = () =>
    options.actions.map((action) => action.displayName ?? action.name.replaceAll('_', ' '));
  const greet = () =>
    options.actions.length === 0
      ? 'Hello! How can I help?'
      : `Hello! I can help with: ${labels().join(', ')}. What can I do for you?`;
  const offer = () => {
    return options.actions.length === 0
      ? "I'm sorry, I can't help with that here."
      : `I'm sorry, I didn't quite get that. I can help with: ${labels().join(', ')}.`;
  };

  /** Proposes a call of `chosen` with the values found in `texts` (later texts win). */
  const propose = (
    chosen: ActionDefinition,
    texts: readonly string[],
    debug: Record<string, unknown>,
    at: Date,
    scored?: IntentResult,
    byValues?: string,
  ): ModelResponse => {
    const parameters = chosen.parameters ?? { type: 'object', properties: {} };
    const found = texts.map((said) =>
      extractSlots(said, parameters, { ...slotOptions(at), actionDescription: chosen.description }),
    );
    const values = Object.assign({}, ...found.map((entry) => entry.values)) as Record<string, unknown>;
    const details = detailsParameter(chosen);
    if (details && values[details] === undefined) {
      const account = texts
        .map((said) => accountInRequest(said, chosen))
        .find((found) => found !== undefined);
      if (account) values[details] = account;
    }
    return {
      text: '',
      toolCalls: [{ id: `embedded_${Date.now().toString(36)}`, name: chosen.name, arguments: values }],
      state: { intent: chosen.name, slots: values },
      debug: {
        ...debug,
        intent: chosen.name,
        extracted: found.flatMap((entry) => entry.evidence),
        ...(scored
          ? {
              explanation: explainDecision(
                texts.at(-1) ?? '',
                scored,
                byName,
                found.flatMap((entry) => entry.evidence),
                byValues,
              ),
            }
          : {}),
      },
    };
  };

  return {
    kind: 'embedded',
    async respond(request): Promise<ModelResponse> {
      // An explicit clock (tests) wins over the loop's, which carries the conversation's reference time.
      const at = options.now?.() ?? request.now ?? new Date();
      const state = stateOf(request);
      const last = lastOf(request.messages);
      if (last?.role === 'tool') {
        const content = last.content as {
          ok?: boolean;
          data?: unknown;
          message?: string;
          dataPreview?: string;
          error?: { message?: string };
        };
        const done = { state: { slots: {} } satisfies EmbeddedState };
        if (content.ok === false)
          return {
            ...done,
            text: `Sorry, that didn't work: ${content.error?.message ?? 'unknown error'}.`,
            toolCalls: [],
          };
        const described = describeData(content.data);
        const text =
          content.message ??
          (content.dataPreview
            ? content.dataPreview
            : `Here's what I found:${described.includes('\n') ? '\n' : ' '}${described}`);
        return { ...done, text, toolCalls: [], debug: { phrased: 'result' } };
      }
      const text = last?.role === 'user' ? last.content : '';
      const reply = classifyReply(text);
      // "never mind the box, the blender does not turn on" answers a free-text question.
      const answersFreeText = isFreeTextAnswer(state, byName, reply.otherWords);
      if ((state.intent || state.choosing) && reply.cancel && !reply.correction && !answersFreeText) {
        return {
          text: 'OK, never mind. Is there anything else I can help with?',
          toolCalls: [],
          state: { slots: {} },
          debug: { cancelled: state.intent ?? state.choosing?.names },
        };
      }
      if (asksToRetry(text)) {
        const failed = lastFailedCall(request.messages);
        if (failed && byName.has(failed.name)) {
          if (failed.id.startsWith(RETRY_CALL_PREFIX))
            return {
              text: "I'm sorry, it's still not working. Please try again a little later.",
              toolCalls: [],
              state: { slots: {} },
              debug: { retried: failed.name, again: false },
            };
          const call = { ...failed, id: `${RETRY_CALL_PREFIX}${Date.now().toString(36)}` };
          return {
            text: '',
            toolCalls: [call],
            state: { intent: failed.name, slots: { ...failed.arguments } },
            debug: { retrying: failed.name },
          };
        }
      }
      if (!state.intent && !state.choosing && reply.correction) {
        const redo = redoWithCorrection(lastCall(request.messages), byName, text, slotOptions(at));
        if (redo) return redo;
      }
      if (!state.intent && !state.choosing && isGreeting(text)) {
        return { text: greet(), toolCalls: [], state: { slots: {} }, debug: { greeting: true } };
      }
      const closing = state.choosing ? undefined : closingOf(text);
      if (closing) {
        return {
          text:
            closing === 'goodbye'
              ? 'Thank you, goodbye! Have a great day.'
              : "You're welcome! Is there anything else I can help with?",
          toolCalls: [],
          state: { slots: {} },
          debug: { closing },
        };
      }
      const choosing = state.choosing;
      const contenders = (choosing?.names ?? []).flatMap((name) => byName.get(name) ?? []);
      if (choosing && contenders.length > 0) {
        const choice = resolveActionChoice(text, contenders);
        const chosen = choice ? contenders[choice.index] : undefined;
        if (choice && chosen) {
          // The values come from the first message, and from the answer unless it was a number.
          return propose(
            chosen,
            choice.by === 'number' ? [choosing.text] : [choosing.text, text],
            {
              chose: chosen.name,
              by: choice.by,
            },
            at,
          );
        }
      }
      const current = state.intent ? byName.get(state.intent) : undefined;
      if (current) {
        const filled = continueIntent(current, state, text, reply, answersFreeText, {
          ...slotOptions(at),
          actionDescription: current.description,
        });
        if (filled) {
          return {
            text: '',
            toolCalls: [
              { id: `embedded_${Date.now().toString(36)}`, name: current.name, arguments: filled.slots },
            ],
            state: { intent: current.name, slots: filled.slots },
            debug: { intent: current.name, extracted: filled.evidence, slots: filled.slots },
          };
        }
      }
      const entities = detectEntities(text, slotOptions(at));
      const scored = scoreIntent(index, text, {
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
        ...(options.margin === undefined ? {} : { margin: options.margin }),
        entities,
      });
      const rivals = (scored.contenders ?? []).flatMap((name) => byName.get(name) ?? []);
      // Words alone did not decide: the values the message holds may ("cancel BK-30111" is a
      // booking), among the close ones, or among all when a value has an action's own shape.
      const bestScore = scored.scores.find((entry) => entry.name === scored.best)?.score ?? 0;
      const byValues = choosing
        ? undefined
        : scored.best
          ? // Weak words and an id of another action's own shape ("look up RA-99812"): the id decides.
            bestScore < WEAK_WORDS_SCORE && entities.some((kind) => kind === 'order_id' || kind === 'digits')
            ? preferByValues(text, options.actions, slotOptions(at), 1)
            : undefined
          : rivals.length > 1
            ? preferByValues(text, rivals, slotOptions(at), 0.5)
            : entities.length > 0
              ? preferByValues(text, options.actions, slotOptions(at), 1)
              : undefined;
      const chosen = byValues?.chosen ?? (scored.best ? byName.get(scored.best) : undefined);
      if (!chosen && rivals.length > 1) {
        return {
          text: askWhichAction(rivals),
          toolCalls: [],
          state: { slots: {}, choosing: { names: rivals.map((action) => action.name), text } },
          debug: {
            scores: scored.scores,
            reason: scored.reason,
            contenders: scored.contenders,
            entities,
            explanation: explainDecision(text, scored, byName),
          },
        };
      }
      if (!chosen && choosing && contenders.length > 0) {
        // The answer chose none of them and asks for nothing else: ask again, the same question.
        return {
          text: `Sorry, I didn't catch which one. ${askWhichAction(contenders)}`,
          toolCalls: [],
          state: { slots: {}, choosing },
          debug: { scores: scored.scores, reason: scored.reason, choosing: choosing.names, entities },
        };
      }
      if (!chosen) {
        return {
          text: offer(),
          toolCalls: [],
          state: { slots: {} },
          debug: {
            scores: scored.scores,
            reason: scored.reason,
            entities,
            explanation: explainDecision(text, scored, byName),
          },
        };
      }
      return propose(
        chosen,
        [text],
        {
          scores: scored.scores,
          reason: byValues?.chosen ? 'values' : scored.reason,
          entities,
          ...(byValues ? { valueStrengths: byValues.strengths } : {}),
        },
        at,
        scored,
        byValues?.chosen?.name,
      );
    },
  };
}
