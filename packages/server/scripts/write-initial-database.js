// Build step: writes dist/initial-database.tgz, the migrated embedded database new data folders
// start from (see src/storage/initial-snapshot.ts). Runs after `tsc -b`.
import { writeInitialSnapshot } from '../dist/storage/initial-snapshot.js';

const started = performance.now();
const { bytes, migrations } = await writeInitialSnapshot();
console.log(
  `wrote the initial embedded database (${migrations} migrations, ${(bytes / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms`,
);
