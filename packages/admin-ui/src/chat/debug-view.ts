import { isRecord } from '../actions/json-values';

/**
 * The debug panel's view of one `debug` event. The embedded agent reports its intent scores
 * (`scores`, `reason`, `intent`, `entities`), the values it extracted (`extracted`: parameter,
 * value, the text it was read from, how) and the values so far (`slots`); an LLM reports its
 * provider, model, finish reason and tokens. Anything else is listed as it came.
 */

export interface ScoreRow {
  name: string;
  /** Two decimals. */
  score: string;
  /** The words of the message that counted, comma-separated. */
  matched: string;
  eligible: boolean;
  /** Required parameters the message did not have (why an action is not eligible). */
  missing: string[];
  chosen: boolean;
}

export interface ExtractedRow {
  parameter: string;
  /** As JSON: `"ORD-1"`, `3`, `true`. */
  value: string;
  /** The customer's words it was read from. */
  matched: string;
  /** How it was read: `pattern`, `number`, `date`, `ambiguous`... */
  kind: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface DebugStepView {
  /** "Step 1" (the server counts from 0). */
  title: string;
  /** One line: what the model decided at this step. */
  summary: string;
  scores: ScoreRow[];
  extracted: ExtractedRow[];
  /** The parameter values collected so far. */
  values: Fact[];
  facts: Fact[];
}

const REASONS: Record<string, string> = {
  matched: 'Matched an action',
  below_threshold: 'No action scored high enough',
  ambiguous: 'The best actions scored too close to choose one',
  no_candidates: 'The agent has no actions to choose from',
  requirements_unmet: 'The best actions lack details they require',
};

const FACT_LABELS: Record<string, string> = {
  intent: 'Intent',
  entities: 'Entities found',
  cancelled: 'Cancelled',
  phrased: 'Phrased',
  provider: 'Provider',
  model: 'Model',
  finishReason: 'Finish reason',
  inputTokens: 'Input tokens',
  outputTokens: 'Output tokens',
};

/** Keys shown in their own table, not as facts. */
const TABLE_KEYS = new Set(['scores', 'reason', 'extracted', 'slots']);

/** A value as short JSON: strings quoted, so `"3"` and `3` differ. */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

const textList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function scoreRows(value: unknown, chosen: string | undefined): ScoreRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((score) => ({
    name: String(score.name ?? ''),
    score: typeof score.score === 'number' ? score.score.toFixed(2) : '',
    matched: textList(score.matched).join(', '),
    eligible: score.eligible !== false,
    missing: textList(score.missingParameters),
    chosen: chosen !== undefined && score.name === chosen,
  }));
}

function extractedRows(value: unknown): ExtractedRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((evidence) => ({
    parameter: String(evidence.parameter ?? ''),
    value: valueText(evidence.value),
    matched: typeof evidence.matched === 'string' ? evidence.matched : '',
    kind: typeof evidence.kind === 'string' ? evidence.kind : '',
  }));
}

function factValue(key: string, value: unknown): string {
  if (key === 'entities') return textList(value).join(', ') || 'none';
  if (key === 'phrased' && value === 'result') return "the action's result";
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return valueText(value);
}

function summaryOf(data: Record<string, unknown>, reason: string | undefined): string {
  const intent = typeof data.intent === 'string' ? data.intent : undefined;
  if (typeof data.cancelled === 'string') return `Cancelled ${data.cancelled}`;
  if (data.phrased === 'result') return "Phrased the action's result";
  if (reason === 'matched' && intent) return `Chose ${intent}`;
  if (reason) return REASONS[reason] ?? reason;
  if (intent) return `Filled in ${intent}`;
  if (typeof data.provider === 'string') {
    const finish = typeof data.finishReason === 'string' ? `: ${data.finishReason}` : '';
    return `${data.provider}${typeof data.model === 'string' ? ` ${data.model}` : ''}${finish}`;
  }
  return 'Model step';
}

/**
 * The view of one debug event.
 *
 * @example
 * debugStepView(0, { scores: [{ name: 'check_order', score: 0.8, matched: ['order'], eligible: true, missingParameters: [] }], reason: 'matched', intent: 'check_order' });
 * // { title: 'Step 1', summary: 'Chose check_order', scores: [{ name: 'check_order', score: '0.80', chosen: true, ... }], ... }
 */
export function debugStepView(step: number, data: Record<string, unknown>): DebugStepView {
  const reason = typeof data.reason === 'string' ? data.reason : undefined;
  const intent = typeof data.intent === 'string' ? data.intent : undefined;
  const slots = isRecord(data.slots) ? data.slots : {};
  const facts = Object.entries(data)
    .filter(([key, value]) => !TABLE_KEYS.has(key) && value !== undefined)
    .map(([key, value]) => ({ label: FACT_LABELS[key] ?? key, value: factValue(key, value) }));
  return {
    title: `Step ${step + 1}`,
    summary: summaryOf(data, reason),
    scores: scoreRows(data.scores, reason === 'matched' ? intent : undefined),
    extracted: extractedRows(data.extracted),
    values: Object.entries(slots).map(([name, value]) => ({ label: name, value: valueText(value) })),
    facts,
  };
}
