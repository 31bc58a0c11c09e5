import type { ActionDraft } from '../action-draft';
import type { FieldMessages } from '../action-form-errors';

/** What every part of the action form gets: the draft, a way to change it, and the messages by control. */
export interface SectionProps {
  draft: ActionDraft;
  change: (patch: Partial<ActionDraft>) => void;
  messages: FieldMessages;
}

/** Keys for rows added while editing; they only need to differ from each other and from loaded rows. */
let counter = 0;
export function nextKey(prefix: string): string {
  counter += 1;
  return `${prefix}-new-${counter}`;
}
