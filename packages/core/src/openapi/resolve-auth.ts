import type { AuthRequirement, NormalizedOperation } from './import-types.js';

type Json = Record<string, unknown>;

/** The chosen credential, or why none of the document's alternatives can be used. */
export type AuthChoice = { ok: true; auth?: AuthRequirement } | { ok: false; reason: string };

function describe(scheme: Json): string | undefined {
  return typeof scheme.description === 'string' && scheme.description.trim() !== ''
    ? scheme.description.trim()
    : undefined;
}

/** One security scheme as Toolgate auth, or why it cannot be. */
function fromScheme(name: string, scheme: Json | undefined): AuthRequirement | string {
  if (!scheme) return `security scheme "${name}" is not defined in the document`;
  const description = describe(scheme);
  const extra = description ? { description } : {};
  const type = String(scheme.type);
  const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
  if ((type === 'http' && httpScheme === 'bearer') || type === 'bearer')
    return { scheme: name, type: 'bearer', ...extra };
  if ((type === 'http' && httpScheme === 'basic') || type === 'basic')
    return { scheme: name, type: 'basic', ...extra };
  if (type === 'apiKey') {
    if (
      (scheme.in === 'header' || scheme.in === 'query') &&
      typeof scheme.name === 'string' &&
      scheme.name !== ''
    ) {
      return { scheme: name, type: 'api_key', in: scheme.in, name: scheme.name, ...extra };
    }
    return `security scheme "${name}" sends its API key in ${String(scheme.in)}, which actions cannot do (header or query only)`;
  }
  if (type === 'oauth2' || type === 'openIdConnect') {
    return `security scheme "${name}" is ${type}, which imported actions do not support yet`;
  }
  if (type === 'http')
    return `security scheme "${name}" uses HTTP ${httpScheme || 'auth'}, not bearer or basic`;
  return `security scheme "${name}" has type ${type}, which actions do not support`;
}

/**
 * The credential an operation needs: the first security alternative Toolgate can send (one
 * bearer, basic or API-key scheme; an empty alternative means "no auth"). An operation whose
 * every alternative needs something else (OAuth2, a cookie, two schemes at once) gets a reason.
 */
export function resolveAuth(operation: NormalizedOperation): AuthChoice {
  if (operation.security.length === 0) return { ok: true };
  const problems: string[] = [];
  for (const alternative of operation.security) {
    const names = Object.keys(alternative);
    if (names.length === 0) return { ok: true };
    if (names.length > 1) {
      problems.push(`security requirement ${names.join(' + ')} needs several credentials at once`);
      continue;
    }
    const name = names[0] as string;
    const chosen = fromScheme(name, operation.securitySchemes[name]);
    if (typeof chosen !== 'string') return { ok: true, auth: chosen };
    problems.push(chosen);
  }
  return { ok: false, reason: [...new Set(problems)].join('; ') };
}
