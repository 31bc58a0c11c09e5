import type { ValidationIssue } from '../errors.js';

/** How many issues an exception's message names; `details` always holds every one. */
const ISSUES_IN_MESSAGE = 3;

/**
 * A one-line message naming the first few problems, for logs and exceptions.
 *
 * @example
 * summarizeIssues('action definition', [{ path: '/name', message: 'is required' }]);
 * // 'invalid action definition (1 problem): /name is required'
 */
export function summarizeIssues(subject: string, issues: readonly ValidationIssue[]): string {
  const shown = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path || '(root)'} ${issue.message}`);
  const more = issues.length > ISSUES_IN_MESSAGE ? `; and ${issues.length - ISSUES_IN_MESSAGE} more` : '';
  return `invalid ${subject} (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${shown.join('; ')}${more}`;
}
