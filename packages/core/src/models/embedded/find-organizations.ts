import { nameWords } from './parameter-name.js';
import type { SlotCandidate } from './slot-candidate.js';

/**
 * A company's name where a customer says it: "from Blue Finch Labs", "I work at Acme", "the
 * company is Northwind", for a parameter that holds one.
 */

const ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  'company',
  'organization',
  'organisation',
  'org',
  'business',
  'employer',
  'firm',
  'agency',
]);

/**
 * True when a parameter holds the name of a company: `company`, `company_name`, `organization`,
 * `businessName`, `employer`.
 *
 * @example
 * isOrganizationParameter('company_name'); // true
 * isOrganizationParameter('business_hours'); // false
 */
export function isOrganizationParameter(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1) ?? '';
  const first = words[0] ?? '';
  return (
    ORGANIZATION_WORDS.has(last) || (words.length === 2 && last === 'name' && ORGANIZATION_WORDS.has(first))
  );
}

/** A capitalised word of a company name: `Blue`, `AT&T`, `O’Brien's`, `3M`, `Labs.io`. */
const WORD = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}&'’.-]*[\\p{L}\\p{N}]|\\p{Lu}";
/** Days and months start with a capital too: "from Friday" is no company. */
const NOT_FIRST =
  '(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Noon|Midnight|I|The)\\b)';
const NAME = `${NOT_FIRST}(?:${WORD})(?:\\s+(?:&\\s+|and\\s+(?=\\p{Lu}))?(?:${WORD})){0,4}`;
/** Words before a company's name that say it is one. */
const CUE =
  "(?:[Cc]ompany(?: name)?(?: is|['’]s|:)|(?:[IiWw]e? )?work (?:at|for|with)|[Ii]['’]m with|[Ww]e['’]re|[Ww]e are|[Ff]rom|at|with|for|on behalf of|representing)";
const ORGANIZATION = new RegExp(`(?<![\\p{L}])${CUE}\\s+(?<name>${NAME})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * Every company name said after a cue, written as typed; the trailing "." of a sentence is not
 * part of it.
 *
 * @example
 * findOrganizations("Hi, I'm Sam Ortiz from Blue Finch Labs, we're 40 people"); // [{ value: 'Blue Finch Labs', ... }]
 */
export function findOrganizations(text: string): SlotCandidate[] {
  const found: SlotCandidate[] = [];
  for (const match of text.matchAll(ORGANIZATION)) {
    const name = match.groups?.name ?? '';
    if (!/^\p{Lu}/u.test(name)) continue;
    const start = match.index + match[0].length - name.length;
    found.push({ value: name, matched: name, start, end: start + name.length, kind: 'organization' });
  }
  return found;
}
