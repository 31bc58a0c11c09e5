import type { LimitName } from './agent-view';

/**
 * The server's rules for an agent's fields (`CreateAgentBody`), in its words, so that the form's
 * first save reports every problem at once instead of only those it checks itself. The server
 * checks again.
 */

export const LIMIT_RANGES: Record<LimitName, { min: number; max: number }> = {
  maxCallsPerConversation: { min: 1, max: 100 },
  maxStepsPerTurn: { min: 1, max: 10 },
  maxResultChars: { min: 200, max: 20_000 },
};

/** The model's timeout, in seconds in the form (milliseconds in the API: 1000-120000). */
export const MODEL_TIMEOUT_SECONDS = { min: 1, max: 120 } as const;
export const MODEL_TIMEOUT_RULE = `must be from ${MODEL_TIMEOUT_SECONDS.min} to ${MODEL_TIMEOUT_SECONDS.max} seconds`;

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const REGION = /^[A-Z]{2}$/;

export const TEXT_LIMITS = {
  name: 100,
  systemPrompt: 20_000,
  fallbackText: 1_000,
  greeting: 1_000,
  timezone: 64,
  webhookDescription: 1_000,
} as const;

/** A whole number in its range, or what is wrong with it. */
export function limitProblem(name: LimitName, value: number | undefined): string | undefined {
  const { min, max } = LIMIT_RANGES[name];
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max)
    return `must be a whole number from ${min} to ${max}`;
  return undefined;
}

/** Milliseconds for a timeout typed in seconds; `NaN` when it is not a number in range. */
export function timeoutMsOfSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const seconds = Number(trimmed);
  if (
    !Number.isFinite(seconds) ||
    seconds < MODEL_TIMEOUT_SECONDS.min ||
    seconds > MODEL_TIMEOUT_SECONDS.max
  ) {
    return Number.NaN;
  }
  return Math.round(seconds * 1000);
}

export function languageProblem(text: string): string | undefined {
  return text.trim() === '' || LANGUAGE.test(text.trim())
    ? undefined
    : 'must be a language tag like en or de-CH';
}

export function regionProblem(text: string): string | undefined {
  return text.trim() === '' || REGION.test(text.trim())
    ? undefined
    : 'must be a two-letter country code in capitals, like US or DE';
}

export function urlProblem(text: string): string | undefined {
  const url = text.trim();
  if (url === '') return undefined;
  if (!URL.canParse(url)) return 'must be a full URL like https://api.example.com/orders';
  return undefined;
}

export function lengthProblem(text: string, max: number): string | undefined {
  return text.trim().length > max ? `must be at most ${max} characters` : undefined;
}
