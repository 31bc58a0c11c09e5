import type { Dialogue } from '../dialogue.js';
import { ASK_MISSING } from './ask-missing.js';
import { CHOOSE_ACTION } from './choose-action.js';
import { CONFIRMATIONS } from './confirmations.js';
import { CORRECTIONS } from './corrections.js';
import { FAILURES } from './failures.js';
import { FREE_TEXT } from './free-text.js';
import { GREETINGS } from './greetings.js';
import { LONG_MESSAGES } from './long-messages.js';
import { MULTI_VALUE } from './multi-value.js';
import { NORMALIZATION } from './normalization.js';
import { OFF_TOPIC } from './off-topic.js';
import { ONE_SHOT } from './one-shot.js';
import { RESULTS } from './results.js';

/** Every dialogue of the suite, category by category. */
export const ALL_DIALOGUES: Dialogue[] = [
  ...ONE_SHOT,
  ...MULTI_VALUE,
  ...ASK_MISSING,
  ...CHOOSE_ACTION,
  ...CORRECTIONS,
  ...NORMALIZATION,
  ...CONFIRMATIONS,
  ...FREE_TEXT,
  ...FAILURES,
  ...OFF_TOPIC,
  ...GREETINGS,
  ...LONG_MESSAGES,
  ...RESULTS,
];
