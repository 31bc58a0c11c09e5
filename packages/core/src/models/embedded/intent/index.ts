export { buildIntentIndex, FIELD_WEIGHTS, inverseDocumentFrequency } from './build-intent-index.js';
export { damerauLevenshtein, FUZZY_MIN_LENGTH, isOneTypoApart } from './damerau-levenshtein.js';
export { type MessageTerm, type MessageTermKind, messageTerms } from './message-terms.js';
export { type IntentReason, type IntentScore, type PickOptions, pickBest } from './pick-best.js';
export { RELATED_WORD_GROUPS, relatedStems } from './related-words.js';
export {
  type CandidateScore,
  containsSequence,
  ENTITY_BONUS,
  HALF_SCORE_EVIDENCE,
  NEAR_MATCH_WEIGHT,
  PHRASE_BONUS,
  scoreCandidate,
} from './score-candidate.js';
export {
  DEFAULT_MARGIN,
  DEFAULT_THRESHOLD,
  type IntentResult,
  type ScoreIntentOptions,
  scoreIntent,
} from './score-intent.js';
export { stem } from './stem.js';
export { STOP_WORDS, type Token, tokenize, tokenizeDetailed } from './tokenize.js';
export type {
  IndexedCandidate,
  IntentCandidate,
  IntentEntityKind,
  IntentField,
  IntentIndex,
  IntentTriggers,
} from './types.js';
