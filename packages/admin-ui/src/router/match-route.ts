/** A route of the app: a key the app renders by, and a path pattern such as `/actions/:id`. */
export interface RouteDefinition<Key extends string> {
  key: Key;
  pattern: string;
}

export interface RouteMatch<Key extends string> {
  key: Key;
  /** The `:name` segments of the pattern, percent-decoded. */
  params: Record<string, string>;
}

/** `/actions/` and `/actions` are the same page; `` is `/`. */
export function normalizePath(pathname: string): string {
  const withSlash = pathname.startsWith('/') ? pathname : `/${pathname}`;
  const trimmed = withSlash.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function splitPath(path: string): string[] {
  const normal = normalizePath(path);
  return normal === '/' ? [] : normal.slice(1).split('/');
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Matches one pattern: literal segments exactly, `:name` segments any non-empty segment. */
export function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const expected = splitPath(pattern);
  const actual = splitPath(pathname);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const segment = actual[index] ?? '';
    if (part.startsWith(':')) {
      const value = decodeSegment(segment);
      if (segment === '' || value === undefined) return null;
      params[part.slice(1)] = value;
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

/** The first route whose pattern matches the path, or `null`. */
export function matchRoute<Key extends string>(
  routes: readonly RouteDefinition<Key>[],
  pathname: string,
): RouteMatch<Key> | null {
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (params !== null) return { key: route.key, params };
  }
  return null;
}
