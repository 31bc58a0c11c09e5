import { pointer, ValidationError, type ValidationIssue } from '../../../errors.js';
import { phraseWords, type Token, tokenize, tokenizeDetailed } from './tokenize.js';
import type { IndexedCandidate, IntentCandidate, IntentField, IntentIndex } from './types.js';

/**
 * How much a word counts depending on where the operator wrote it. Trigger phrases are written
 * for matching and weigh most; parameter descriptions talk about inputs and weigh least.
 */
export const FIELD_WEIGHTS: Readonly<Record<IntentField, number>> = {
  phrase: 3,
  name: 2,
  displayName: 2,
  description: 1,
  parameter: 0.5,
};

/**
 * BM25's inverse document frequency: high for a stem in one candidate, close to 0 for a stem in
 * every candidate, never negative.
 *
 * @example
 * inverseDocumentFrequency(1, 3); // ~0.98
 * inverseDocumentFrequency(3, 3); // ~0.13
 */
export function inverseDocumentFrequency(documentFrequency: number, candidateCount: number): number {
  return Math.log(1 + (candidateCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Splits snake_case, kebab-case and camelCase names into words: `checkOrder_status` -> 3 words. */
function nameToText(name: string): string {
  return name.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2');
}

function collectIssues(candidates: readonly IntentCandidate[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, position) => {
    if (candidate.name.trim() === '') {
      issues.push({ path: pointer(position, 'name'), message: 'must not be empty' });
    } else if (seen.has(candidate.name)) {
      issues.push({ path: pointer(position, 'name'), message: `duplicate name "${candidate.name}"` });
    }
    seen.add(candidate.name);
  });
  return issues;
}

/** The tokens of each field of a candidate, with the field they came from. */
function fieldTokens(candidate: IntentCandidate): Array<{ field: IntentField; tokens: Token[] }> {
  return [
    { field: 'name', tokens: tokenizeDetailed(nameToText(candidate.name)) },
    { field: 'displayName', tokens: tokenizeDetailed(candidate.displayName ?? '') },
    { field: 'description', tokens: tokenizeDetailed(candidate.description) },
    ...(candidate.parameterDescriptions ?? []).map((text) => ({
      field: 'parameter' as const,
      tokens: tokenizeDetailed(text),
    })),
    // A one-word phrase ("haircut") names the action; the words of a longer one count like a
    // description's, and the whole phrase earns its bonus when it appears.
    ...(candidate.triggers?.phrases ?? []).map((text) => {
      const tokens = tokenizeDetailed(text);
      return { field: tokens.length === 1 ? ('phrase' as const) : ('description' as const), tokens };
    }),
  ];
}

function indexCandidate(candidate: IntentCandidate, surfaces: Map<string, Set<string>>): IndexedCandidate {
  const weights = new Map<string, number>();
  let topFieldWeight = 0;
  for (const { field, tokens } of fieldTokens(candidate)) {
    const weight = FIELD_WEIGHTS[field];
    for (const token of tokens) {
      weights.set(token.stem, Math.max(weights.get(token.stem) ?? 0, weight));
      topFieldWeight = Math.max(topFieldWeight, weight);
      const words = surfaces.get(token.stem) ?? new Set<string>();
      words.add(token.word);
      surfaces.set(token.stem, words);
    }
  }
  const phrases = (candidate.triggers?.phrases ?? [])
    .map((text) => ({ text, stems: tokenize(text), words: phraseWords(text) }))
    .filter((phrase) => phrase.stems.length > 0);
  return {
    name: candidate.name,
    weights,
    topFieldWeight,
    phrases,
    entities: [...new Set(candidate.triggers?.entities ?? [])],
    requires: [...new Set(candidate.triggers?.requires ?? [])],
  };
}

/**
 * Indexes the actions an agent may choose from: every word of each action's name, display name,
 * description, parameter descriptions and trigger phrases, stemmed and weighted by field
 * (`FIELD_WEIGHTS`), plus an IDF per stem so that a word every action shares counts for little.
 * Throws a `ValidationError` when a name is empty or used twice.
 *
 * @example
 * const index = buildIntentIndex([
 *   { name: 'cancel_order', description: 'Cancel an order that has not shipped yet' },
 *   { name: 'book_appointment', description: 'Book an appointment', triggers: { phrases: ['haircut'] } },
 * ]);
 * index.candidates[0]?.weights.get('cancel'); // 2 (from the name)
 */
export function buildIntentIndex(candidates: readonly IntentCandidate[]): IntentIndex {
  const issues = collectIssues(candidates);
  if (issues.length > 0) throw new ValidationError('Invalid intent candidates', issues);

  const surfaces = new Map<string, Set<string>>();
  const indexed = candidates.map((candidate) => indexCandidate(candidate, surfaces));
  const documentFrequency = new Map<string, number>();
  for (const candidate of indexed) {
    for (const stemmed of candidate.weights.keys()) {
      documentFrequency.set(stemmed, (documentFrequency.get(stemmed) ?? 0) + 1);
    }
  }
  const count = indexed.length;
  const idf = new Map([...documentFrequency].map(([key, df]) => [key, inverseDocumentFrequency(df, count)]));
  return {
    candidates: indexed,
    idf,
    maxIdf: count > 0 ? inverseDocumentFrequency(1, count) : 0,
    surfaces: new Map([...surfaces].map(([key, words]) => [key, [...words]])),
  };
}
