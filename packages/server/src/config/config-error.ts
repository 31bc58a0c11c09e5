/** One problem in the configuration, named by the variable or flag that holds it. */
export interface ConfigProblem {
  source: string;
  message: string;
}

/** Raised with every configuration problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `invalid configuration:\n${problems.map((problem) => `  ${problem.source}: ${problem.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}
