import type { Category } from './dialogue.js';

/**
 * How many dialogues of each category pass today: the suite fails when a category passes fewer.
 * Raise a floor when the engine improves (the report printed by `npm run dialogues` has the counts).
 */
export const FLOORS: Record<Category, number> = {
  one_shot: 16,
  multi_value: 13,
  ask_missing: 13,
  choose_action: 22,
  corrections: 17,
  normalization: 20,
  confirmations: 14,
  free_text: 16,
  failures: 11,
  off_topic: 10,
  greetings: 11,
  long_messages: 10,
  results: 11,
};
