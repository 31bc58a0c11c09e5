/** Exact names that point inside the network they are resolved from. */
const DENIED_NAMES = new Set(['localhost', 'metadata', 'metadata.google.internal']);

/** Suffixes of names that are local by convention (RFC 6761, RFC 6762, RFC 8375, Kubernetes). */
const DENIED_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.cluster.local', '.localdomain'];

/**
 * Why a host name is denied before any DNS look-up, or `undefined` when the name may be resolved.
 * Expects the name lower-cased, without brackets or a trailing dot.
 *
 * @example
 * deniedHostNameReason('localhost'); // 'localhost is a local name'
 * deniedHostNameReason('api.example.com'); // undefined
 */
export function deniedHostNameReason(hostname: string): string | undefined {
  if (DENIED_NAMES.has(hostname)) return `${hostname} is a local name`;
  const suffix = DENIED_SUFFIXES.find((ending) => hostname.endsWith(ending));
  if (suffix) return `names ending in ${suffix} are local names`;
  if (!hostname.includes('.'))
    return `"${hostname}" is a single-label name, which resolves inside the local network`;
  return undefined;
}
