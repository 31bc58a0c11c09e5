import type { Category } from './dialogue.js';

/**
 * How many dialogues of each category pass today: the suite fails when a category passes fewer.
 * Raise a floor when the engine improves (the report printed by `npm run dialogues` has the counts).
 */
export const FLOORS: Record<Category, number> = {
  one_shot: 9,
  multi_value: 3,
  ask_missing: 8,
  choose_action: 12,
  corrections: 2,
  normalization: 4,
  confirmations: 12,
  free_text: 11,
  failures: 9,
  off_topic: 8,
  greetings: 6,
  long_messages: 1,
  results: 8,
};
