import { describe } from 'vitest';
import { postgresAvailable } from './engines.js';

/** The database engines every store test runs on. */
export type TestEngine = 'pglite' | 'postgres';

// Asked once, when a test file first imports this helper (engines.ts caches the answer). Under
// CI=true an unreachable PostgreSQL throws here, so the file fails instead of skipping.
const postgresAnswers = await postgresAvailable();

/**
 * One `describe` per engine: the embedded PGlite always, PostgreSQL when it answers (outside CI
 * its block is skipped with the warning postgresAvailable printed). `$engine` in the title is
 * replaced by the engine's name. The body opens its database in beforeAll, e.g. with
 * openTestDatabase(engine); a skipped block runs none of its hooks.
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  describe(title.replaceAll('$engine', 'pglite'), () => body('pglite'));
  describe.skipIf(!postgresAnswers)(title.replaceAll('$engine', 'postgres'), () => body('postgres'));
}
