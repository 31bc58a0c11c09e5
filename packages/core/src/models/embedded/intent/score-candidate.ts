import type { MessageTerm } from './message-terms.js';
import type { IndexedCandidate, IntentEntityKind, IntentIndex } from './types.js';

/** What a match through a typo or a related word is worth, relative to an exact match. */
export const NEAR_MATCH_WEIGHT = 0.5;
/** How much a word no candidate knows dilutes a score, relative to a full-weight word. */
export const UNKNOWN_WORD_WEIGHT = 0.25;
/** Added when one of the candidate's trigger phrases appears in the message. */
export const PHRASE_BONUS = 0.5;
/** Added for each entity kind the candidate declares and the message contains. */
export const ENTITY_BONUS = 0.15;

/** A candidate's score for one message, in 0..1, and what earned it. */
export interface CandidateScore {
  score: number;
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
): Evidence | null {
  let best: Evidence | null = null;
  for (const target of targets) {
    const weight = candidate.weights.get(target);
    if (weight === undefined) continue;
    const value = NEAR_MATCH_WEIGHT * weight * (index.idf.get(target) ?? 0);
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

/**
 * Scores one candidate: for each message word, the best of an exact match (field weight × IDF),
 * a typo or related-word match (half that), normalized by what the candidate could earn at most
 * for the same words (its top field weight × IDF, plus a small share for words nobody knows).
 * Then adds `PHRASE_BONUS` once if a trigger phrase's stems appear in order in `messageStems`,
 * and `ENTITY_BONUS` per declared entity kind present. Capped at 1, rounded to 4 decimals.
 *
 * @example
 * const index = buildIntentIndex([{ name: 'cancel_order', description: 'Cancel an order' }]);
 * const stems = tokenize('cancel it');
 * scoreCandidate(index, index.candidates[0]!, messageTerms(index, 'cancel it'), stems, []);
 * // { score: 1, matched: ['cancel'] }
 */
export function scoreCandidate(
  index: IntentIndex,
  candidate: IndexedCandidate,
  terms: readonly MessageTerm[],
  messageStems: readonly string[],
  entities: readonly IntentEntityKind[],
): CandidateScore {
  const matched: string[] = [];
  let earned = 0;
  let possible = 0;
  for (const term of terms) {
    if (term.kind === 'ignored') continue;
    if (term.kind === 'unknown') {
      possible += candidate.topFieldWeight * index.maxIdf * UNKNOWN_WORD_WEIGHT;
      continue;
    }
    const full = candidate.topFieldWeight * term.referenceIdf;
    possible += full;
    const evidence = termEvidence(candidate, index, term);
    if (evidence === null) continue;
    earned += Math.min(evidence.value, full);
    matched.push(evidence.label);
  }
  let score = possible > 0 ? earned / possible : 0;
  const phrase = candidate.phrases.find((item) => containsSequence(messageStems, item.stems));
  if (phrase !== undefined) {
    score += PHRASE_BONUS;
    matched.push(`phrase:"${phrase.text}"`);
  }
  for (const kind of candidate.entities) {
    if (!entities.includes(kind)) continue;
    score += ENTITY_BONUS;
    matched.push(`entity:${kind}`);
  }
  return { score: round(Math.min(1, score)), matched };
}
