/** The base URL an action is built on, or why the document gives none that can be called. */
export type BaseUrlChoice = { ok: true; url: string } | { ok: false; reason: string };

/**
 * The first server URL that is absolute `https` once resolved: a relative one (`/api/v3`, or
 * Swagger 2.0 without `schemes`) is read against the URL the document was fetched from, as the
 * specification says; without that URL it cannot be called. The trailing `/` is dropped, since
 * every path starts with one.
 *
 * @example
 * resolveBaseUrl(['/api/v3'], 'https://petstore3.swagger.io/api/v3/openapi.json');
 * // { ok: true, url: 'https://petstore3.swagger.io/api/v3' }
 */
export function resolveBaseUrl(servers: readonly string[], documentUrl?: string): BaseUrlChoice {
  if (servers.length === 0) {
    if (documentUrl === undefined) return { ok: false, reason: 'the document names no server URL' };
    return resolveBaseUrl(['/'], documentUrl);
  }
  const problems: string[] = [];
  for (const server of servers) {
    let url: URL;
    try {
      url = documentUrl === undefined ? new URL(server) : new URL(server, documentUrl);
    } catch {
      problems.push(
        documentUrl === undefined
          ? `the server URL "${server}" is relative and the document was not loaded from a URL`
          : `the server URL "${server}" is not a valid URL`,
      );
      continue;
    }
    if (url.protocol !== 'https:') {
      problems.push(`the server URL ${url.href} is not https (actions call https endpoints only)`);
      continue;
    }
    if (server.includes('{')) {
      problems.push(`the server URL "${server}" has a variable without a default`);
      continue;
    }
    url.search = '';
    url.hash = '';
    return { ok: true, url: url.href.replace(/\/+$/, '') };
  }
  return { ok: false, reason: [...new Set(problems)].join('; ') };
}
