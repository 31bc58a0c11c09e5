import { CATEGORIES, type Category } from './dialogue.js';
import type { DialogueOutcome } from './play-dialogue.js';

/** Passed and total dialogues of each category. */
export type CategoryCounts = Record<Category, { passed: number; total: number }>;

export function countByCategory(outcomes: readonly DialogueOutcome[]): CategoryCounts {
  const counts = Object.fromEntries(
    CATEGORIES.map((category) => [category, { passed: 0, total: 0 }]),
  ) as CategoryCounts;
  for (const { dialogue, passed } of outcomes) {
    counts[dialogue.category].total += 1;
    if (passed) counts[dialogue.category].passed += 1;
  }
  return counts;
}

/**
 * The table of counts per category (with its floor, and a mark where it should be raised), then
 * every failing dialogue with its first missed expectation.
 */
export function formatReport(
  outcomes: readonly DialogueOutcome[],
  floors?: Record<Category, number>,
): string {
  const counts = countByCategory(outcomes);
  const width = Math.max(...CATEGORIES.map((category) => category.length));
  const rows = CATEGORIES.map((category) => {
    const { passed, total } = counts[category];
    const floor = floors?.[category];
    const note =
      floor === undefined
        ? ''
        : `   floor ${floor}${passed > floor ? ': raise it' : passed < floor ? ': BELOW THE FLOOR' : ''}`;
    return `  ${category.padEnd(width)}  ${String(passed).padStart(3)} / ${total}${note}`;
  });
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  const failing = outcomes
    .filter((outcome) => !outcome.passed)
    .map((outcome) => `  ${outcome.dialogue.id} [${outcome.dialogue.category}]: ${outcome.reason}`);
  return [
    'Dialogue suite (embedded agent, real API)',
    ...rows,
    `  ${'total'.padEnd(width)}  ${String(passed).padStart(3)} / ${outcomes.length}`,
    ...(failing.length > 0 ? ['', `Failing dialogues (${failing.length}):`, ...failing] : []),
  ].join('\n');
}

/** Every dialogue's transcript (for `DIALOGUES_TRANSCRIPTS=1 npm run dialogues`). */
export function formatTranscripts(outcomes: readonly DialogueOutcome[]): string {
  return outcomes
    .map(({ dialogue, passed, transcript }) =>
      [
        `${dialogue.id} [${dialogue.category}] ${passed ? 'passed' : 'FAILED'}`,
        ...transcript.map((line) => `  ${line}`),
      ].join('\n'),
    )
    .join('\n\n');
}
