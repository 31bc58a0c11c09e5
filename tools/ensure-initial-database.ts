import { snapshotIsCurrent, writeInitialSnapshot } from '../packages/server/src/storage/initial-snapshot.js';

/**
 * Vitest global setup: tests open many new embedded databases, and each starts from the build's
 * snapshot. When the snapshot is missing or behind the migrations (a migration added since the
 * last build), it is written once here, before any test file runs.
 */
export default async function ensureInitialDatabase(): Promise<void> {
  if (await snapshotIsCurrent()) return;
  const { migrations } = await writeInitialSnapshot();
  console.log(`wrote the initial embedded database snapshot (${migrations} migrations)`);
}
