import type { ActionDefinition } from '../../actions/action-definition.js';
import { tokenize } from './intent/tokenize.js';

/** How an action is named to a customer: its display name, else its description's first sentence. */
export function actionTitle(action: ActionDefinition): string {
  if (action.displayName) return action.displayName;
  const sentence = /^[^.!?]*/.exec(action.description.trim())?.[0]?.trim() ?? '';
  return sentence === '' ? action.name.replaceAll('_', ' ') : sentence;
}

/**
 * The question the embedded agent asks when several actions fit a message equally well.
 *
 * @example
 * askWhichAction([demoLookup, shopLookup]);
 * // 'Which one do you mean: 1) Check order status (demo) or 2) Order status from my shop?
 * //  You can answer with the number or the name.'
 */
export function askWhichAction(candidates: readonly ActionDefinition[]): string {
  const listed = candidates.map((action, index) => `${index + 1}) ${actionTitle(action)}`);
  const choices =
    listed.length <= 2 ? listed.join(' or ') : `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
  return `Which one do you mean: ${choices}? You can answer with the number or the name.`;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
/** A short answer is a choice by number ("2", "#2", "number 2", "the second one"); longer texts are not. */
const MAX_WORDS_OF_A_NUMBER_ANSWER = 4;
/** A number on its own ("2", "2nd", "#2"), not part of an id like ORD-2. */
const STANDALONE_NUMBER = /(?<![\p{L}\p{N}-])(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}-])/gu;

function byNumber(text: string, count: number): number | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_WORDS_OF_A_NUMBER_ANSWER) return undefined;
  const picked = new Set<number>();
  for (const match of text.matchAll(STANDALONE_NUMBER)) picked.add(Number(match[1]));
  for (const word of words) {
    if (word === 'last') picked.add(count);
    else if (ORDINALS[word] !== undefined) picked.add(ORDINALS[word]);
  }
  const [only] = [...picked];
  return picked.size === 1 && only !== undefined && only >= 1 && only <= count ? only - 1 : undefined;
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The candidate whose words the answer shares most, counting only words not all candidates have. */
function byWords(answer: readonly string[], texts: readonly string[][]): number | undefined {
  const shared = new Set(texts.reduce((common, words) => common.filter((word) => words.includes(word))));
  const counts = texts.map(
    (words) => new Set(answer.filter((word) => !shared.has(word) && words.includes(word))).size,
  );
  const best = Math.max(...counts);
  if (best === 0 || counts.filter((count) => count === best).length > 1) return undefined;
  return counts.indexOf(best);
}

/** Which action an answer chose, and how (a number answer carries no parameter values). */
export interface ActionChoice {
  index: number;
  by: 'number' | 'name' | 'words';
}

/**
 * Reads the customer's answer to `askWhichAction`: the number ("2", "the second"), the action's
 * name or title, or words that only one of them has ("the demo one", "my shop"). Returns the
 * chosen action's index, or `undefined` when the answer does not pick exactly one.
 *
 * @example
 * resolveActionChoice('the demo one', [demoLookup, shopLookup]); // { index: 0, by: 'words' }
 */
export function resolveActionChoice(
  text: string,
  candidates: readonly ActionDefinition[],
): ActionChoice | undefined {
  if (candidates.length === 0) return undefined;
  const numbered = byNumber(text, candidates.length);
  if (numbered !== undefined) return { index: numbered, by: 'number' };
  const said = ` ${normalize(text)} `;
  const named = candidates.flatMap((action, index) =>
    [action.name, actionTitle(action)].some((name) => said.includes(` ${normalize(name)} `)) ? [index] : [],
  );
  if (named.length === 1 && named[0] !== undefined) return { index: named[0], by: 'name' };
  const answer = tokenize(text);
  const worded =
    byWords(
      answer,
      candidates.map((action) => tokenize(`${actionTitle(action)} ${action.name.replaceAll('_', ' ')}`)),
    ) ??
    byWords(
      answer,
      candidates.map((action) => tokenize(action.description)),
    );
  return worded === undefined ? undefined : { index: worded, by: 'words' };
}
