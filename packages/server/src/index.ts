export { runCli } from './cli/main.js';
export type { CliIo } from './cli/cli-io.js';
export { EXIT } from './cli/cli-io.js';
