/** What a `webhook-signature` header holds, sorted by use. */
export interface ParsedWebhookSignatures {
  /** The base64 values of `v1,` entries, in order. */
  v1: string[];
  /** Versions present but not understood here (e.g. `v1a`, asymmetric): ignored, as the spec says. */
  otherVersions: string[];
  /** Entries not in `<version>,<value>` form. */
  malformed: number;
}

/**
 * Splits a `webhook-signature` header into its entries. Entries are space-separated
 * (`v1,abc= v1,def=`); a trailing comma per entry is tolerated, because Node and `Headers` join a
 * repeated header with `', '` and base64 never holds a comma.
 *
 * @example
 * parseWebhookSignatures('v1,K5oZ... v1a,hnO3...');
 * // { v1: ['K5oZ...'], otherVersions: ['v1a'], malformed: 0 }
 */
export function parseWebhookSignatures(header: string): ParsedWebhookSignatures {
  const parsed: ParsedWebhookSignatures = { v1: [], otherVersions: [], malformed: 0 };
  for (const rawEntry of header.split(/\s+/)) {
    if (rawEntry === '') continue;
    const entry = rawEntry.endsWith(',') ? rawEntry.slice(0, -1) : rawEntry;
    const comma = entry.indexOf(',');
    const version = comma === -1 ? '' : entry.slice(0, comma);
    const value = comma === -1 ? '' : entry.slice(comma + 1);
    if (version === '' || value === '') {
      parsed.malformed += 1;
    } else if (version === 'v1') {
      parsed.v1.push(value);
    } else {
      parsed.otherVersions.push(version);
    }
  }
  return parsed;
}
