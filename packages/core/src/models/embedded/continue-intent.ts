import type { ActionDefinition, ParametersSchema } from '../../actions/action-definition.js';
import type { ReplyClass } from '../../agent/classify-reply.js';
import { correctionValues } from './correction-values.js';
import { type ExtractSlotsOptions, extractSlots, type SlotEvidence } from './extract-slots.js';

const NO_PARAMETERS: ParametersSchema = { type: 'object', properties: {} };
/** A reply this short answers the question asked, not another one. */
const SHORT_REPLY_WORDS = 3;

/** Required parameters the slots do not hold yet. */
export function missingOf(
  parameters: ParametersSchema | undefined,
  slots: Record<string, unknown>,
): string[] {
  return (parameters?.required ?? []).filter((name) => slots[name] === undefined);
}

/**
 * The action's values after the customer's reply to the agent's question, or nothing when the
 * reply gives none (it may be a new request). The reply is read for the parameters still missing;
 * a short one ("4") for the one just asked first, so a party size is not taken for 4 o'clock. A
 * correction ("sorry, it's ORD-24243", "actually make it 4pm") changes only the values it states
 * plainly (`correctionValues`), and a free-text answer takes the whole reply unless the reply
 * corrects another value instead.
 */
export function continueIntent(
  action: ActionDefinition,
  state: { slots: Record<string, unknown> },
  text: string,
  reply: ReplyClass,
  answersFreeText: boolean,
  options: Omit<ExtractSlotsOptions, 'only'>,
): { slots: Record<string, unknown>; evidence: SlotEvidence[] } | undefined {
  const parameters = action.parameters ?? NO_PARAMETERS;
  const missing = missingOf(action.parameters, state.slots);
  const [asked] = missing;
  let found = extractSlots(text, parameters, {
    ...options,
    only: missing.length > 0 ? missing : Object.keys(parameters.properties),
  });
  if (asked && found.values[asked] === undefined && text.trim().split(/\s+/).length <= SHORT_REPLY_WORDS) {
    const answer = extractSlots(text, parameters, { ...options, only: [asked] });
    if (answer.values[asked] !== undefined) found = answer;
  }
  const changed = reply.correction
    ? correctionValues(text, extractSlots(text, parameters, options), parameters)
    : undefined;
  // "sorry, wrong number, it's ORD-24243" while asked for a reason corrects the order number.
  const correctsOther = changed !== undefined && Object.keys(changed).some((name) => name !== asked);
  const values =
    missing.length === 0 || (reply.correction && (!answersFreeText || correctsOther))
      ? correctionValues(text, found, parameters)
      : found.values;
  // The free-text question stays open: the reply was the correction, not its answer.
  const fromCorrection =
    correctsOther && asked && answersFreeText ? { ...changed, [asked]: state.slots[asked] } : changed;
  if (Object.keys(values).length === 0 && !changed) return undefined;
  const slots = { ...state.slots, ...values, ...fromCorrection };
  for (const [name, value] of Object.entries(slots)) if (value === undefined) delete slots[name];
  return { slots, evidence: found.evidence };
}
