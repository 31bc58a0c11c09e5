/**
 * The form's check of an action's URL template, with the server's rules and words (core's
 * `collectUrlTemplateIssues`), so that the first save already reports everything: "must use
 * https, not http" comes with the other problems, not after they are fixed. The server checks
 * again, and also whether the host is public.
 */

/** The parameters the URL may name, and which of them are required. */
export interface UrlParameters {
  names: ReadonlySet<string>;
  required: ReadonlySet<string>;
}

const MAX_URL_LENGTH = 2048;
/** scheme `://` authority path `?query` `#fragment`, read from the raw text. */
const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Every problem of a URL template typed in the form (an empty one is "missing", reported elsewhere).
 *
 * @example
 * urlProblems('http://api.example.com/orders/{id}', { names: new Set(), required: new Set() });
 * // ['placeholder {id} does not name a parameter', 'must use https, not http']
 */
export function urlProblems(url: string, parameters: UrlParameters): string[] {
  const problems: string[] = [];
  if (url.length > MAX_URL_LENGTH) return [`must be at most ${MAX_URL_LENGTH} characters`];
  if (/\s/.test(url)) problems.push('must not contain spaces, tabs or line breaks');
  const parts = URL_PARTS.exec(url.trim());
  if (!parts) {
    problems.push('must be an absolute URL such as https://api.example.com/orders/{order_number}');
    return problems;
  }
  const [, scheme = '', authority = '', path = '', query = '', fragment] = parts;
  if (/[{}]/.test(authority)) problems.push('placeholders may only appear in the path, not in the host');
  if (/\{[^{}]*\}/.test(query))
    problems.push('placeholders may only appear in the path, not in the query string');
  const seen = new Set<string>();
  for (const match of path.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === '') problems.push('has an empty placeholder {}; write {parameter_name}');
    else if (!parameters.names.has(name)) problems.push(`placeholder {${name}} does not name a parameter`);
    else if (!parameters.required.has(name)) {
      problems.push(`placeholder {${name}} names an optional parameter; make "${name}" required`);
    }
  }
  if (/[{}]/.test(path.replace(PLACEHOLDER, ''))) problems.push('has an unmatched { or } in the path');
  if (url.includes('\\')) problems.push('must not contain backslashes');
  if (scheme.toLowerCase() !== 'https') problems.push(`must use https, not ${scheme.toLowerCase()}`);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (authority.includes('@'))
    problems.push('must not contain credentials (user:password@); use auth instead');
  if (host === '' || !URL.canParse(`https://${host.replace(/[{}]/g, 'x')}`)) {
    problems.push('is not a valid URL (check the host name)');
  }
  if (fragment !== undefined) problems.push('must not contain a #fragment (it is never sent to the server)');
  return problems;
}
