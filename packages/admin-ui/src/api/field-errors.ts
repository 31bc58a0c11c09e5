import { ApiError, type FieldIssue } from './api-error';

/**
 * A JSON pointer (RFC 6901) from path segments: `jsonPointer('headers', 'X-Key')` is
 * `/headers/X-Key`; `~` and `/` inside a segment are escaped.
 */
export function jsonPointer(...segments: readonly (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** True when `path` is `pointer` itself or lies inside it (`/parameters/x` is inside `/parameters`). */
export function isAtOrInside(path: string, pointer: string): boolean {
  if (pointer === '') return true;
  return path === pointer || path.startsWith(`${pointer}/`);
}

/** What a form shows: messages by field pointer, and the rest above the form. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string[]>>;
  form: string[];
}

const UNKNOWN_FAILURE = 'something went wrong; try again';

/**
 * Spreads an error over a form's fields. Each issue goes to the deepest field pointer it is at
 * or inside of; issues outside every field, and an error without issues, go to `form`.
 *
 * @example
 * formErrors(error, ['/email', '/password']).fields['/email']; // ['must be an email address']
 */
export function formErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, form: [] };
  if (!(error instanceof ApiError)) {
    result.form.push(UNKNOWN_FAILURE);
    return result;
  }
  if (error.details.length === 0) {
    result.form.push(error.message);
    return result;
  }
  for (const issue of error.details) place(result, fields, issue);
  return result;
}

function place<Field extends string>(result: FormErrors<Field>, fields: readonly Field[], issue: FieldIssue) {
  let best: Field | undefined;
  for (const field of fields) {
    if (isAtOrInside(issue.path, field) && (best === undefined || field.length > best.length)) best = field;
  }
  if (best === undefined) {
    result.form.push(issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`);
    return;
  }
  const inside = issue.path
    .slice(best.length + 1)
    .split('/')
    .map(unescapeSegment)
    .join(' / ');
  const message = inside === '' ? issue.message : `${inside}: ${issue.message}`;
  result.fields[best] = [...(result.fields[best] ?? []), message];
}
