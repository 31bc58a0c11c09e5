import type { Category } from './dialogue.js';

/**
 * How many dialogues of each category pass today: the suite fails when a category passes fewer.
 * Raise a floor when the engine improves (the report printed by `npm run dialogues` has the counts).
 */
export const FLOORS: Record<Category, number> = {
  one_shot: 0,
  multi_value: 0,
  ask_missing: 0,
  choose_action: 0,
  corrections: 0,
  normalization: 0,
  confirmations: 0,
  free_text: 0,
  failures: 0,
  off_topic: 0,
  greetings: 0,
  long_messages: 0,
  results: 0,
};
