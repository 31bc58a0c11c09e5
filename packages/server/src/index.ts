export type { CliIo } from './cli/cli-io.js';
export { EXIT } from './cli/cli-io.js';
export { runCli } from './cli/main.js';
export { runAsProcess } from './cli/run-as-process.js';
