/**
 * Browser tests share two cores with the rest of the suite (vitest runs files in parallel): a page
 * step may wait this long, a test or its setup (a fresh database, chromium) this long.
 */
export const E2E_STEP_MS = 20_000;
export const E2E_TEST_MS = 120_000;
