/** Kinds of value another part of the agent can detect in a message (see `IntentTriggers`). */
export type IntentEntityKind = 'email' | 'phone' | 'digits' | 'date' | 'order_id';

/** Optional hints an operator gives for when an action fits a message. */
export interface IntentTriggers {
  /** Phrases that strongly suggest this action, e.g. `'haircut'`, `'where is my order'`. */
  phrases?: string[];
  /** Kinds of value whose presence in the message makes this action more likely. */
  entities?: IntentEntityKind[];
  /** Parameters that must already be known for this action to be chosen. */
  requires?: string[];
}

/** One action the agent may choose, described by the texts the operator wrote for it. */
export interface IntentCandidate {
  /** The action's unique name, usually snake_case: `check_order_status`. */
  name: string;
  displayName?: string;
  description: string;
  parameterDescriptions?: string[];
  triggers?: IntentTriggers;
}

/** Where a candidate's word was found; each field has a weight (see `FIELD_WEIGHTS`). */
export type IntentField = 'phrase' | 'name' | 'displayName' | 'description' | 'parameter';

/** A candidate after indexing: weighted stems and stemmed trigger phrases. */
export interface IndexedCandidate {
  readonly name: string;
  /** Best field weight of each stem found in the candidate's texts. */
  readonly weights: ReadonlyMap<string, number>;
  /** The highest field weight the candidate has any word in (its best possible per word). */
  readonly topFieldWeight: number;
  /** Trigger phrases as written and as stem sequences (phrases of stop words only are left out). */
  readonly phrases: ReadonlyArray<{
    readonly text: string;
    /** Its meaningful words, stemmed (for a partial match in any order). */
    readonly stems: readonly string[];
    /** All its words in order, stop words included (for a match as written, see `phraseWords`). */
    readonly words: readonly string[];
  }>;
  readonly entities: readonly IntentEntityKind[];
  readonly requires: readonly string[];
}

/** What `buildIntentIndex` returns and `scoreIntent` reads. Build it once per set of actions. */
export interface IntentIndex {
  /** Candidates in the order they were given (ties keep this order). */
  readonly candidates: readonly IndexedCandidate[];
  /** Inverse document frequency of every stem in any candidate. */
  readonly idf: ReadonlyMap<string, number>;
  /** The largest IDF, that of a stem found in a single candidate. */
  readonly maxIdf: number;
  /** Every word as written behind each stem, for typo matching. */
  readonly surfaces: ReadonlyMap<string, readonly string[]>;
}
