import type { ActionDefinition } from '../../actions/action-definition.js';
import { type ExtractSlotsOptions, extractSlots } from './extract-slots.js';
import type { SlotKind } from './slot-candidate.js';

/**
 * How surely a value found in a message belongs to a parameter, by the way it was found: a value
 * of the parameter's own pattern or example shape ("BK-30111" for a booking id like BK-12345)
 * says which action is meant; an email or a date fits many actions; a bare number fits any.
 */
const KIND_STRENGTH: Partial<Record<SlotKind, number>> = {
  pattern: 1,
  'example-shape': 1,
  email: 0.5,
  phone: 0.5,
  date: 0.4,
  'date-time': 0.4,
  time: 0.4,
  enum: 0.5,
  'enum-synonym': 0.4,
  id: 0.3,
};

/** What the message can fill of an action's parameters, weighted by `KIND_STRENGTH`. */
export function fillStrength(
  text: string,
  action: ActionDefinition,
  options: Omit<ExtractSlotsOptions, 'only' | 'actionDescription'>,
): number {
  if (!action.parameters) return 0;
  const { evidence } = extractSlots(text, action.parameters, {
    ...options,
    actionDescription: action.description,
  });
  const byParameter = new Map<string, number>();
  for (const entry of evidence) {
    const strength = KIND_STRENGTH[entry.kind] ?? 0;
    byParameter.set(entry.parameter, Math.max(byParameter.get(entry.parameter) ?? 0, strength));
  }
  return [...byParameter.values()].reduce((sum, strength) => sum + strength, 0);
}

/** How far the best filled action must lead the next one to be chosen by its values. */
const FILL_LEAD = 0.5;

/**
 * Among actions whose words fit a message about equally well, the one whose parameters the
 * message fills clearly best: "cancel BK-30111" is the booking, not the order, because only the
 * booking id has that shape. `minimum` is what the winner must reach (1: one value of the
 * parameter's own shape). Returns the winner and every action's strength, for the debug view.
 */
export function preferByValues(
  text: string,
  actions: readonly ActionDefinition[],
  options: Omit<ExtractSlotsOptions, 'only' | 'actionDescription'>,
  minimum: number,
): { chosen?: ActionDefinition; strengths: Record<string, number> } {
  const ranked = actions
    .map((action) => ({ action, strength: fillStrength(text, action, options) }))
    .sort((a, b) => b.strength - a.strength);
  const strengths = Object.fromEntries(ranked.map((entry) => [entry.action.name, entry.strength]));
  const [first, second] = ranked;
  if (!first || first.strength < minimum) return { strengths };
  if (second && first.strength - second.strength < FILL_LEAD) return { strengths };
  return { chosen: first.action, strengths };
}
