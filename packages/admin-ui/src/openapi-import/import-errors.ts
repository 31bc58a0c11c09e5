import { ApiError } from '../api/api-error';

/** The wizard's steps, in order. */
export type WizardStep = 'source' | 'operations' | 'connection' | 'result';

/** Where the wizard shows a refused request: the step, and the message by field where one is named. */
export interface PlacedError {
  step: WizardStep;
  /** Messages by field: `url`, `document`, `baseUrl`, an operation's name, a scheme name. */
  fields: Record<string, string>;
  /** Every issue, for the summary at the top of the step. */
  issues: string[];
}

/**
 * Sorts an error of the import route onto the wizard: the document or URL (`/document`, `/url`,
 * a 413) back to step 1; `/operations/<i>` to the operation sent at that index; `/secrets/<scheme>`
 * and `/baseUrl` to step 3; anything else stays on `current`. `sent` is the list of names the
 * request asked to create.
 */
export function placeImportError(
  error: unknown,
  current: WizardStep,
  sent: readonly string[] = [],
): PlacedError {
  if (!(error instanceof ApiError)) return { step: current, fields: {}, issues: [] };
  const fields: Record<string, string> = {};
  // A body over the route's limit is the document's size; an error naming no field stays where it happened.
  let step: WizardStep = error.status === 413 ? 'source' : current;
  const documentStep = error.details.some((issue) => /^\/(url|document)(\/|$)/.test(issue.path));
  if (documentStep) step = 'source';
  for (const issue of error.details) {
    const [, head, rest] = /^\/([^/]+)(?:\/(.*))?$/.exec(issue.path) ?? [];
    if (head === 'operations') {
      const name = sent[Number(rest)] ?? rest ?? '';
      fields[`operation:${name}`] = issue.message;
      if (!documentStep) step = 'operations';
    } else if (head === 'secrets' || head === 'baseUrl') {
      fields[head === 'secrets' ? `secret:${rest ?? ''}` : 'baseUrl'] = issue.message;
      if (!documentStep && step !== 'operations') step = 'connection';
    } else if (head === 'url' || head === 'document') fields[head] = issue.message;
  }
  const issues = error.details.map((issue) => issue.message);
  return { step, fields, issues: issues.length > 0 ? issues : [error.message] };
}
