/** Why `scoreIntent` did or did not choose a candidate. */
export type IntentReason =
  | 'matched'
  | 'below_threshold'
  | 'ambiguous'
  | 'no_candidates'
  /** One word fits an action, but most of the short message is about something else. */
  | 'off_topic'
  /** The best-scoring candidates reached the threshold but lack required parameters. */
  | 'requirements_unmet';

/** One candidate's line in the explanation `scoreIntent` returns. */
export interface IntentScore {
  name: string;
  score: number;
  /** The words' evidence before saturation (see `scoreCandidate`); absent in hand-made scores. */
  evidence?: number;
  /** The message's stems that earned it evidence. */
  terms?: string[];
  matched: string[];
  /** False when some of `triggers.requires` are not present: such a candidate is never chosen. */
  eligible: boolean;
  /** The required parameters that were not present (empty when eligible). */
  missingParameters: string[];
}

/** The decision rule's knobs. */
export interface PickOptions {
  threshold: number;
  margin: number;
}

/**
 * Saturated scores bunch up near 1, so a candidate with far more evidence also leads when the
 * scores are close: the runner-up has at most this share of the best one's evidence.
 */
export const EVIDENCE_LEAD_RATIO = 0.6;

/** Whether `first` leads `second` by the margin, or by far more evidence. */
function leads(first: IntentScore, second: IntentScore | undefined, margin: number): boolean {
  if (second === undefined) return true;
  if (first.score - second.score + EPSILON >= margin) return true;
  if (explainsMore(first, second)) return true;
  const [best, next] = [first.evidence ?? 0, second.evidence ?? 0];
  return best > 0 && next <= best * EVIDENCE_LEAD_RATIO;
}

/**
 * Whether `first` matched every message word `second` matched, and more: "where's my stuff?
 * order ORD-1" shares "order" with every order action, and only the status lookup also has
 * "where".
 */
function explainsMore(first: IntentScore, second: IntentScore): boolean {
  return first.score >= second.score && coversMore(first, second);
}

function coversMore(first: IntentScore, second: IntentScore): boolean {
  const mine = new Set(first.terms ?? []);
  const theirs = second.terms ?? [];
  return mine.size > theirs.length && theirs.every((term) => mine.has(term));
}

/** Tolerance for float noise when comparing rounded scores. */
const EPSILON = 1e-9;

/**
 * Chooses among scores sorted best first: the top eligible candidate, if it reaches `threshold`
 * and beats the next eligible one by at least `margin`. Ineligible candidates never win and do
 * not count as rivals; when only they reach the threshold the reason is `requirements_unmet`.
 * When no candidate leads by the margin the reason is `ambiguous` and `contenders` names every
 * eligible candidate within the margin of the best, best first (the agent asks which one).
 *
 * @example
 * pickBest(
 *   [
 *     { name: 'cancel_order', score: 0.9, matched: [], eligible: true, missingParameters: [] },
 *     { name: 'check_order_status', score: 0.4, matched: [], eligible: true, missingParameters: [] },
 *   ],
 *   { threshold: 0.35, margin: 0.1 },
 * ); // { best: 'cancel_order', reason: 'matched' }
 */
export function pickBest(
  sorted: readonly IntentScore[],
  options: PickOptions,
): { best: string | null; reason: IntentReason; contenders?: string[] } {
  if (sorted.length === 0) return { best: null, reason: 'no_candidates' };
  const eligible = sorted.filter((entry) => entry.eligible);
  // A runner-up close behind that matched every word the best did, and more, is the better fit.
  const [top, next] = eligible;
  if (top && next && !leads(top, next, options.margin) && coversMore(next, top)) {
    eligible[0] = next;
    eligible[1] = top;
  }
  const [first, second] = eligible;
  if (first === undefined || first.score + EPSILON < options.threshold) {
    const blockedReached = sorted.some(
      (entry) => !entry.eligible && entry.score + EPSILON >= options.threshold,
    );
    return { best: null, reason: blockedReached ? 'requirements_unmet' : 'below_threshold' };
  }
  if (!leads(first, second, options.margin)) {
    // The eligible candidates within the margin of the best: the ones to ask the customer about.
    const contenders = eligible
      .filter((entry) => entry.score > 0 && !leads(first, entry, options.margin))
      .map((entry) => entry.name);
    return { best: null, reason: 'ambiguous', contenders };
  }
  return { best: first.name, reason: 'matched' };
}
