import type { ConfigProblem } from './config-error.js';

/** How much the server logs: pino's levels, `silent` for nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `pretty`: short human lines; `json`: one JSON object per line; `auto`: pretty on a terminal. */
export const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
}

function pick<T extends string>(
  values: readonly T[],
  text: string | undefined,
  fallback: T,
  source: string,
  problems: ConfigProblem[],
): T {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  problems.push({ source, message: `must be one of ${values.join(', ')}; got "${text}"` });
  return fallback;
}

/** `LOG_LEVEL` (default info) and `LOG_FORMAT` (default auto), with a problem for a bad value. */
export function parseLogSettings(env: NodeJS.ProcessEnv, problems: ConfigProblem[]): LogSettings {
  return {
    level: pick(LOG_LEVELS, env.LOG_LEVEL, 'info', 'LOG_LEVEL', problems),
    format: pick(LOG_FORMATS, env.LOG_FORMAT, 'auto', 'LOG_FORMAT', problems),
  };
}
