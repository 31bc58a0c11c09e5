import type { ParameterSchema } from '../../actions/action-definition.js';
import { descriptionWords, nameWords } from './parameter-name.js';
import { regexCandidates, type SlotCandidate } from './slot-candidate.js';

/**
 * Consent given or refused in passing ("... and yes I agree to get offers"), for a boolean that
 * records it: unlike a lone "yes", these words say which question they answer.
 */

const CONSENT_WORDS: ReadonlySet<string> = new Set([
  'consent',
  'agree',
  'agrees',
  'opt',
  'optin',
  'accept',
  'accepts',
  'marketing',
  'subscribe',
  'offers',
  'promotions',
  'terms',
]);

/**
 * True when a boolean parameter records the customer's consent, by its name or description:
 * `consent`, `marketing_opt_in`, "The customer agrees to receive marketing emails".
 *
 * @example
 * isConsentParameter('consent', { type: 'boolean' }); // true
 * isConsentParameter('gift_wrap', { type: 'boolean' }); // false
 */
export function isConsentParameter(name: string, schema: ParameterSchema): boolean {
  return [...nameWords(name), ...descriptionWords(schema.description)].some((word) =>
    CONSENT_WORDS.has(word),
  );
}

const GOODS = '(?:offers|marketing|promotions|promos|deals|emails|newsletters?|news|updates|messages)';
/** "I don't agree", "no marketing", "opt me out", "don't send me offers". */
const REFUSED = new RegExp(
  `(?<![\\p{L}])(?:i (?:do not|don['’]t) (?:agree|consent|accept|want (?:any )?${GOODS})|no ${GOODS}|opt(?: me)? out|(?:do not|don['’]t|never) (?:send|email) (?:me )?(?:any )?${GOODS}|not interested in ${GOODS}|(?:do not|don['’]t) have my (?:permission|consent))(?![\\p{L}])`,
  'giu',
);
/**
 * "I agree", "I consent", "opt me in", "yes to offers", "happy to get offers", "you can send me
 * offers", "you have my permission". Not "I want the newsletter": that asks for the action, it agrees to nothing yet.
 */
const GIVEN = new RegExp(
  `(?<![\\p{L}])(?:i (?:agree|consent|accept)|opt(?: me)? in|yes,? (?:to|please send) ${GOODS}|(?:happy|glad|fine) to (?:get|receive) ${GOODS}|(?:you )?(?:can|may) (?:send|email) me ${GOODS}|(?:you )?have my (?:permission|consent)|i give (?:you )?(?:my )?(?:permission|consent))(?![\\p{L}])`,
  'giu',
);

/**
 * Every consent given (`true`) or refused (`false`) in the text by words that say what is agreed
 * to, not a bare yes or no.
 *
 * @example
 * findConsent('my email is a@b.co, and yes I agree to get offers'); // [{ value: true, matched: 'I agree', ... }]
 * findConsent("please don't send me offers"); // [{ value: false, ... }]
 */
export function findConsent(text: string): SlotCandidate[] {
  const refused = regexCandidates(text, REFUSED, () => false, 'boolean');
  const given = regexCandidates(text, GIVEN, () => true, 'boolean').filter(
    (candidate) => !refused.some((other) => other.start <= candidate.start && candidate.end <= other.end),
  );
  return [...refused, ...given].sort((a, b) => a.start - b.start);
}
