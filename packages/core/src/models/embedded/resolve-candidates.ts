import { type SlotCandidate, withoutContained } from './slot-candidate.js';
import { correctionEnd } from './understand-reply.js';

/**
 * What the candidates for one parameter come to: nothing, one value, or several to ask about.
 *
 * @example
 * const none: Resolution = { outcome: 'none' };
 */
export type Resolution =
  | { outcome: 'none' }
  | { outcome: 'filled'; candidate: SlotCandidate }
  | { outcome: 'ambiguous'; candidates: SlotCandidate[] };

/** Values compared by type and content: the number 3 and the text "3" differ. */
const valueKey = (value: unknown) => `${typeof value}:${JSON.stringify(value)}`;

/** The first candidate of each different value, in text order. */
function distinct(candidates: readonly SlotCandidate[]): SlotCandidate[] {
  const seen = new Map<string, SlotCandidate>();
  for (const candidate of [...candidates].sort((a, b) => a.start - b.start)) {
    if (!seen.has(valueKey(candidate.value))) seen.set(valueKey(candidate.value), candidate);
  }
  return [...seen.values()];
}

/** Words just before a value that refuse it: "a color, not a haircut", "fedex instead of ups". */
const NEGATED = /(?:\bnot|\bno|n['’]t|\binstead of|\brather than|\bexcept)\s+(?:a |an |the |with |by )?$/iu;

/** A customer correcting themselves mid-sentence: "ups... no wait, fedex", "2, or rather 3". */
const SELF_CORRECTION = /(?:\bno,? wait|\bwait,? no|\bor rather|\bscratch that|\bsorry,? no)[\s,.!:;-]*/giu;

/** Where the last correction ends: a reply phrase ("actually", "I meant") or a self-correction. */
function lastCorrectionEnd(text: string): number | undefined {
  const selfCorrections = [...text.matchAll(SELF_CORRECTION)].map((match) => match.index + match[0].length);
  const ends = [correctionEnd(text), ...selfCorrections].filter((end) => end !== undefined);
  return ends.length === 0 ? undefined : Math.max(...ends);
}

/**
 * Decides one parameter's value from its candidates. Candidates inside a longer one are dropped;
 * the same value found twice is one value; a value refused ("not a haircut", "instead of UPS")
 * gives way to the others. Different values are ambiguous, unless a correction ("actually", "I
 * meant", "no, it's", "no wait", "or rather") comes before exactly one of them: "ORD-1, sorry, I
 * meant ORD-2" is ORD-2.
 *
 * @example
 * resolveCandidates(candidatesFor('ORD-1 or ORD-2'), 'ORD-1 or ORD-2'); // { outcome: 'ambiguous', candidates: [ORD-1, ORD-2] }
 * resolveCandidates(candidatesFor('ORD-1, actually ORD-2'), 'ORD-1, actually ORD-2'); // { outcome: 'filled', candidate: ORD-2 }
 */
export function resolveCandidates(candidates: readonly SlotCandidate[], text: string): Resolution {
  const contained = withoutContained(candidates);
  const affirmed = contained.filter((candidate) => !NEGATED.test(text.slice(0, candidate.start)));
  const kept = affirmed.length > 0 ? affirmed : contained;
  const values = distinct(kept);
  const [first, second] = values;
  if (first === undefined) return { outcome: 'none' };
  if (second === undefined) return { outcome: 'filled', candidate: first };
  const corrected = lastCorrectionEnd(text);
  if (corrected !== undefined) {
    const [only, other] = distinct(kept.filter((candidate) => candidate.start >= corrected));
    if (only && !other) return { outcome: 'filled', candidate: only };
  }
  return { outcome: 'ambiguous', candidates: values };
}
