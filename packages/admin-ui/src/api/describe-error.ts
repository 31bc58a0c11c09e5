import { ApiError } from './api-error';

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed[0]?.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** One readable sentence for an error shown to the operator, whatever it was. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in the app. Reload the page and try again.';
  if (error.status === 401) return 'Your session has ended. Sign in again.';
  if (error.status === 403) return `You are not allowed to do this: ${sentence(error.message)}`;
  if (error.status === 429) return `Too many attempts. ${sentence(error.message)}`;
  if (error.status >= 500) return `The server had a problem. ${sentence(error.message)}`;
  return sentence(error.message);
}
