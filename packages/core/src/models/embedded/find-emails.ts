import { regexCandidates, type SlotCandidate } from './slot-candidate.js';

/** A label of a domain name: letters, digits and inner hyphens. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/** `local@domain.tld`, not glued to more address characters; a sentence's final `.` is not the address's. */
const EMAIL = new RegExp(
  `(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:${LABEL}\\.)+[A-Za-z]{2,}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`,
  'g',
);

/**
 * Every email address in the text. The domain is lower-cased (it is case-insensitive); the local
 * part is kept as written.
 *
 * @example
 * findEmails('Reach me at Jane.Doe@Example.COM.'); // [{ value: 'Jane.Doe@example.com', matched: 'Jane.Doe@Example.COM', ... }]
 */
export function findEmails(text: string): SlotCandidate[] {
  return regexCandidates(
    text,
    EMAIL,
    (match) => {
      const [local = '', domain = ''] = match[0].split('@');
      if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
      return `${local}@${domain.toLowerCase()}`;
    },
    'email',
  );
}
