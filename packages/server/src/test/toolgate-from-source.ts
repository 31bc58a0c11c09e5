// `bin/toolgate.js` on the TypeScript sources, for tests that spawn real processes without a
// build first: node --liftoff-only --import tsx packages/server/src/test/toolgate-from-source.ts ...
import { runAsProcess } from '../cli/run-as-process.js';

await runAsProcess();
