import type { MessageTerm } from './message-terms.js';
import { isStrongRelation } from './related-words.js';
import type { IndexedCandidate, IntentEntityKind, IntentIndex } from './types.js';

/** What a match through a typo or a related word is worth, relative to an exact match. */
export const NEAR_MATCH_WEIGHT = 0.5;
/**
 * The relevance (field weight x IDF, in units of the index's largest IDF) at which a candidate's
 * score reaches one half: one exact word of a description scores 0.4, one word of the name 0.57.
 */
export const HALF_SCORE_EVIDENCE = 1.5;
/**
 * A word every action shares still says the message is about one of them ("a booking" with two
 * booking actions): for the score, its IDF counts as at least this share of the largest one.
 * Which action leads is decided on the plain IDF (`evidence`).
 */
export const SHARED_WORD_FLOOR = 0.5;
/** Added when one of the candidate's trigger phrases appears in the message. */
export const PHRASE_BONUS = 0.5;
/** A trigger phrase whose words appear in the message out of order, or only in part, earns this share of the bonus for the share of its words present (from half of them). */
export const PARTIAL_PHRASE_SHARE = 0.6;
/** Added for each entity kind the candidate declares and the message contains. */
export const ENTITY_BONUS = 0.15;

/** A candidate's score for one message, in 0..1, and what earned it. */
export interface CandidateScore {
  score: number;
  /** The words' evidence before saturation (field weight x IDF summed, in units of the largest IDF). */
  evidence: number;
  /** The message's stems that earned evidence (for telling which candidate explains more). */
  terms?: string[];
  /** Readable evidence: `order` (exact), `cancle~cancel` (typo), `wher=>status` (related),
   * `phrase:"haircut"`, `entity:email`. */
  matched: string[];
}

interface Evidence {
  value: number;
  label: string;
}

function bestNearEvidence(
  candidate: IndexedCandidate,
  index: IntentIndex,
  targets: readonly string[],
  label: (target: string) => string,
  share: (target: string) => number = () => NEAR_MATCH_WEIGHT,
): Evidence | null {
  let best: Evidence | null = null;
  for (const target of targets) {
    const weight = candidate.weights.get(target);
    if (weight === undefined) continue;
    const value = share(target) * weight * (index.idf.get(target) ?? 0);
    if (best === null || value > best.value) best = { value, label: label(target) };
  }
  return best;
}

function termEvidence(candidate: IndexedCandidate, index: IntentIndex, term: MessageTerm): Evidence | null {
  const exact = candidate.weights.get(term.stem);
  if (exact !== undefined) return { value: exact * term.referenceIdf, label: term.stem };
  const typo = bestNearEvidence(candidate, index, term.typoTargets, (target) => `${term.word}~${target}`);
  const related = bestNearEvidence(
    candidate,
    index,
    term.relatedTargets,
    (target) => `${term.stem}=>${target}`,
    (target) => (isStrongRelation(term.stem, target) ? 1 : NEAR_MATCH_WEIGHT),
  );
  if (typo === null) return related;
  return related === null || typo.value >= related.value ? typo : related;
}

/** Whether `sequence` appears in `stems` as consecutive items. */
export function containsSequence(stems: readonly string[], sequence: readonly string[]): boolean {
  if (sequence.length === 0) return false;
  for (let start = 0; start + sequence.length <= stems.length; start += 1) {
    if (sequence.every((item, offset) => stems[start + offset] === item)) return true;
  }
  return false;
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** The best share of one trigger phrase's words the message holds, in any order (1: all of them). */
function phraseCoverage(phrases: IndexedCandidate['phrases'], messageStems: readonly string[]) {
  const present = new Set(messageStems);
  let best: { text: string; share: number } | undefined;
  for (const phrase of phrases) {
    if (phrase.stems.length < 2) continue;
    const found = phrase.stems.filter((item) => present.has(item)).length;
    const share = found / phrase.stems.length;
    // One shared word ("book" of "book a table") is not a phrase.
    if (found >= 2 && (!best || share > best.share)) best = { text: phrase.text, share };
  }
  return best;
}

/**
 * Scores one candidate: for each distinct message word, the best of an exact match (field
 * weight x IDF), a typo or related-word match (half that). The sum saturates (`e / (e + 1)`, in
 * units of the largest IDF), so words the candidate does not know never dilute it: a long message
 * that says the same request with an explanation, an email and an order number scores as high as
 * the short one. Then adds `PHRASE_BONUS` once if a trigger phrase's words appear as written in
 * `messageWords` (`phraseWords`) (a share of it when most of its words appear in any order), and `ENTITY_BONUS`
 * per declared entity kind present. Capped at 1, rounded to 4 decimals.
 *
 * @example
 * const index = buildIntentIndex([{ name: 'cancel_order', description: 'Cancel an order' }]);
 * const stems = tokenize('cancel it');
 * scoreCandidate(index, index.candidates[0]!, messageTerms(index, 'cancel it'), stems, []);
 * // { score: 0.6667, evidence: 2, matched: ['cancel'] }
 */
export function scoreCandidate(
  index: IntentIndex,
  candidate: IndexedCandidate,
  terms: readonly MessageTerm[],
  messageStems: readonly string[],
  entities: readonly IntentEntityKind[],
  messageWords: readonly string[] = messageStems,
): CandidateScore {
  const matched: string[] = [];
  const termsFound: string[] = [];
  let earned = 0;
  let relevant = 0;
  const floor = SHARED_WORD_FLOOR * index.maxIdf;
  for (const term of terms) {
    if (term.kind === 'ignored' || term.kind === 'unknown') continue;
    const found = termEvidence(candidate, index, term);
    if (found === null) continue;
    earned += found.value;
    relevant +=
      term.referenceIdf > 0 ? (found.value * Math.max(term.referenceIdf, floor)) / term.referenceIdf : 0;
    matched.push(found.label);
    termsFound.push(term.stem);
  }
  const evidence = index.maxIdf > 0 ? earned / index.maxIdf : 0;
  const relevance = index.maxIdf > 0 ? relevant / index.maxIdf : 0;
  let score = relevance / (relevance + HALF_SCORE_EVIDENCE);
  const phrase = candidate.phrases.find((item) => containsSequence(messageWords, item.words));
  if (phrase !== undefined) {
    score += PHRASE_BONUS;
    matched.push(`phrase:"${phrase.text}"`);
  } else {
    const partial = phraseCoverage(candidate.phrases, messageStems);
    if (partial && partial.share >= 0.5) {
      score += PHRASE_BONUS * PARTIAL_PHRASE_SHARE * partial.share;
      matched.push(`phrase~"${partial.text}"`);
    }
  }
  for (const kind of candidate.entities) {
    if (!entities.includes(kind)) continue;
    score += ENTITY_BONUS;
    matched.push(`entity:${kind}`);
  }
  return {
    score: round(Math.min(1, score)),
    evidence: round(evidence),
    matched,
    ...(termsFound.length > 0 ? { terms: termsFound } : {}),
  };
}
