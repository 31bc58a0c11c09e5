import type { Category } from './dialogue.js';

/**
 * How many dialogues of each category pass today: the suite fails when a category passes fewer.
 * Raise a floor when the engine improves (the report printed by `npm run dialogues` has the counts).
 */
export const FLOORS: Record<Category, number> = {
  one_shot: 14,
  multi_value: 12,
  ask_missing: 10,
  choose_action: 19,
  corrections: 7,
  normalization: 9,
  confirmations: 13,
  free_text: 11,
  failures: 10,
  off_topic: 9,
  greetings: 11,
  long_messages: 5,
  results: 11,
};
