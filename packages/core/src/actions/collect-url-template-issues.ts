import type { ValidationIssue } from '../errors.js';

/** Longer URLs are refused by many servers and proxies; no endpoint needs more. */
export const MAX_URL_LENGTH = 2048;

/** The parameters an action declares, as far as a URL template cares. */
export interface DeclaredParameters {
  names: ReadonlySet<string>;
  required: ReadonlySet<string>;
}

/** scheme `://` authority path `?query` `#fragment`, read from the raw text before any parsing. */
const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
/** `{anything}` without nested braces; the name is checked separately. */
const PLACEHOLDER = /\{([^{}]*)\}/g;
const HAS_PLACEHOLDER = /\{[^{}]*\}/;
const WHITESPACE = /\s/;

/**
 * Every problem in an action's URL template: `https://` only, no `user:pass@`, no `#fragment`,
 * at most {@link MAX_URL_LENGTH} characters, and `{name}` placeholders only in the path, each
 * naming a declared **required** parameter (the path cannot be built without its value).
 * Placeholders are found in the raw text, because `new URL` percent-encodes braces. Whether the
 * host is public is the executor's check (`checkTarget`), not this one.
 *
 * @example
 * collectUrlTemplateIssues('http://api.example.com/orders/{id}', { names: new Set(), required: new Set() });
 * // [{ path: '/url', message: 'placeholder {id} does not name a declared parameter' },
 * //  { path: '/url', message: 'must use https, not http' }]
 */
export function collectUrlTemplateIssues(
  url: unknown,
  declared: DeclaredParameters,
  path = '/url',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const problem = (message: string) => issues.push({ path, message });
  if (url === undefined) {
    problem('is required: the https URL of the endpoint');
    return issues;
  }
  if (typeof url !== 'string') {
    problem('must be a string: the https URL of the endpoint');
    return issues;
  }
  if (url.length > MAX_URL_LENGTH) {
    problem(`must be at most ${MAX_URL_LENGTH} characters`);
    return issues;
  }
  if (WHITESPACE.test(url)) problem('must not contain spaces, tabs or line breaks');
  const parts = URL_PARTS.exec(url.trim());
  if (!parts) {
    problem('must be an absolute URL such as https://api.example.com/orders/{order_number}');
    return issues;
  }
  const [, scheme = '', authority = '', pathPart = '', query = '', fragment] = parts;

  if (/[{}]/.test(authority)) problem('placeholders may only appear in the path, not in the host');
  if (HAS_PLACEHOLDER.test(query))
    problem('placeholders may only appear in the path, not in the query string');
  const seen = new Set<string>();
  for (const match of pathPart.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === '') problem('has an empty placeholder {}; write {parameter_name}');
    else if (!declared.names.has(name)) problem(`placeholder {${name}} does not name a declared parameter`);
    else if (!declared.required.has(name)) {
      problem(
        `placeholder {${name}} names an optional parameter; list "${name}" in parameters.required, since the path cannot be built without it`,
      );
    }
  }
  if (/[{}]/.test(pathPart.replace(PLACEHOLDER, ''))) problem('has an unmatched { or } in the path');
  if (url.includes('\\')) problem('must not contain backslashes');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    if (scheme.toLowerCase() !== 'https') problem(`must use https, not ${scheme.toLowerCase()}`);
    problem('is not a valid URL (check the host name)');
    return issues;
  }
  if (parsed.protocol !== 'https:') problem(`must use https, not ${parsed.protocol.slice(0, -1)}`);
  if (parsed.username !== '' || parsed.password !== '') {
    problem('must not contain credentials (user:password@); use auth instead');
  }
  if (fragment !== undefined) problem('must not contain a #fragment (it is never sent to the server)');
  return issues;
}
