/** Text helpers for form fields. */

/**
 * A server or form message as a sentence under its field: "is required" reads "Is required.".
 *
 * @example
 * asSentence('must use https, not http'); // 'Must use https, not http.'
 */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capital = (text[0] ?? '').toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A DOM id for a control named by a JSON pointer or a row path; characters an id selector would
 * need escaped are spelled out, so two paths never share an id.
 *
 * @example
 * fieldId('/conversation/messages/start'); // 'field-2f-conversation-2f-messages-2f-start'
 */
export function fieldId(path: string): string {
  return `field${path.replace(/[^A-Za-z0-9_]/g, (character) => `-${character.charCodeAt(0).toString(16)}-`)}`;
}
