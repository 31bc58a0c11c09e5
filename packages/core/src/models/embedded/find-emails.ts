import { findSpokenEmails } from './find-spoken-emails.js';
import { overlapsAny, regexCandidates, type SlotCandidate } from './slot-candidate.js';

/** A label of a domain name: letters, digits and inner hyphens. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/** `local@domain.tld`, not glued to more address characters; a sentence's final `.` is not the address's. */
const EMAIL = new RegExp(
  `(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:${LABEL}\\.)+[A-Za-z]{2,}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`,
  'g',
);

/**
 * Every email address in the text, written (`Jane.Doe@Example.COM`) or said ("ella dot stone at
 * gmail dot com", see {@link findSpokenEmails}). The domain is lower-cased (it is
 * case-insensitive); the local part of a written address is kept as written.
 *
 * @example
 * findEmails('Reach me at Jane.Doe@Example.COM.'); // [{ value: 'Jane.Doe@example.com', matched: 'Jane.Doe@Example.COM', ... }]
 * findEmails('ella dot stone at gmail dot com'); // [{ value: 'ella.stone@gmail.com', ... }]
 */
export function findEmails(text: string): SlotCandidate[] {
  const written = regexCandidates(
    text,
    EMAIL,
    (match) => {
      const [local = '', domain = ''] = match[0].split('@');
      if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
      return `${local}@${domain.toLowerCase()}`;
    },
    'email',
  );
  const spoken = findSpokenEmails(text).filter((candidate) => !overlapsAny(candidate, written));
  return [...written, ...spoken].sort((a, b) => a.start - b.start);
}
