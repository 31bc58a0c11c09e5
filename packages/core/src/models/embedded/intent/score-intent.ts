import { type MessageTerm, messageTerms } from './message-terms.js';
import { type IntentReason, type IntentScore, pickBest } from './pick-best.js';
import { scoreCandidate } from './score-candidate.js';
import { phraseWords, tokenize } from './tokenize.js';
import type { IntentEntityKind, IntentIndex } from './types.js';

/** The minimum score a candidate needs to be chosen, unless the caller says otherwise. */
export const DEFAULT_THRESHOLD = 0.35;
/** How far the best candidate must lead the next one, unless the caller says otherwise. */
export const DEFAULT_MARGIN = 0.1;

/** Options of `scoreIntent`. */
export interface ScoreIntentOptions {
  /** Minimum score to choose a candidate, 0..1 (default `DEFAULT_THRESHOLD`). */
  threshold?: number;
  /** Minimum lead over the runner-up, 0..1 (default `DEFAULT_MARGIN`). */
  margin?: number;
  /** Entity kinds detected in the message by another part of the agent. */
  entities?: IntentEntityKind[];
  /** Names of the parameters already known (for `triggers.requires`). */
  presentParameters?: string[];
}

/** What `scoreIntent` decided, with every candidate's score for explanation. */
export interface IntentResult {
  best: string | null;
  /** When `reason` is `ambiguous`: the candidates to choose between, best first. */
  contenders?: string[];
  /** Every candidate, best first; equal scores keep the candidates' order. */
  scores: IntentScore[];
  reason: IntentReason;
}

/**
 * "Can you book me a flight to Denver?", "I want to track my running progress": the only word an
 * action knows is its verb ("book" of book_table), its object is not there, and the message
 * names something none of the actions knows. A request that names the thing ("promotions on
 * shoes", "a demo") or gives a value is not caught.
 */
function isAboutSomethingElse(
  terms: readonly MessageTerm[],
  best: IntentScore | undefined,
  message: string,
): boolean {
  if (best?.terms?.length !== 1 || /\p{N}|@/u.test(message)) return false;
  if (best.matched.some((label) => label.startsWith('phrase') || label.startsWith('entity:'))) return false;
  const verb = tokenize(best.name.split(/[_\s-]/)[0] ?? '')[0];
  return best.terms[0] === verb && terms.some((term) => term.kind === 'unknown');
}

function checkFraction(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`scoreIntent: ${name} must be a number from 0 to 1, got ${value}`);
  }
  return value;
}

/**
 * Decides which indexed action fits a customer's message, or none, without any language model.
 * Each candidate gets a 0..1 score (see `scoreCandidate`); the best eligible one is chosen when it
 * reaches `threshold` and leads the next by `margin`. A candidate whose `triggers.requires` are not
 * all in `presentParameters` is scored but never chosen. Throws a `RangeError` on a threshold or
 * margin outside 0..1.
 *
 * @example
 * const index = buildIntentIndex([
 *   { name: 'check_order_status', description: 'Look up the status and tracking of an order' },
 *   { name: 'cancel_order', description: 'Cancel an order that has not shipped yet' },
 * ]);
 * scoreIntent(index, 'I want to cancel my order').best; // 'cancel_order'
 * scoreIntent(index, "what's the weather").reason; // 'below_threshold'
 */
export function scoreIntent(
  index: IntentIndex,
  message: string,
  options: ScoreIntentOptions = {},
): IntentResult {
  const threshold = checkFraction('threshold', options.threshold ?? DEFAULT_THRESHOLD);
  const margin = checkFraction('margin', options.margin ?? DEFAULT_MARGIN);
  const terms = messageTerms(index, message);
  const stems = tokenize(message);
  const words = phraseWords(message);
  const entities = options.entities ?? [];
  const present = new Set(options.presentParameters ?? []);

  const scores: IntentScore[] = index.candidates.map((candidate) => {
    const {
      score,
      evidence,
      matched,
      terms: found,
    } = scoreCandidate(index, candidate, terms, stems, entities, words);
    const missingParameters = candidate.requires.filter((parameter) => !present.has(parameter));
    return {
      name: candidate.name,
      score,
      evidence,
      matched,
      ...(found ? { terms: found } : {}),
      eligible: missingParameters.length === 0,
      missingParameters,
    };
  });
  // Array.prototype.sort is stable, so equal scores keep the candidates' order.
  scores.sort((a, b) => b.score - a.score);
  const picked = pickBest(scores, { threshold, margin });
  if (picked.best && isAboutSomethingElse(terms, scores[0], message))
    return { best: null, reason: 'off_topic', scores };
  return { ...picked, scores };
}
