import type { ActionRow } from '../actions/action-rows';
import type { AgentDraft } from './agent-draft';

/**
 * A warning, not an error, when the agent would have no action to call: it can still be saved
 * (an agent that only talks is allowed, and actions may come later), but the operator should
 * know. `rows` are the tenant's actions when they loaded; without them only an empty choice is
 * known to be empty.
 */
export function noActionsWarning(
  draft: Pick<AgentDraft, 'actionsMode' | 'actions'>,
  rows: readonly ActionRow[] | undefined,
): string | null {
  const consequence = 'it can only talk: it cannot look anything up or do anything. You can still save.';
  if (draft.actionsMode === 'all') {
    if (rows === undefined || rows.some((row) => row.enabled)) return null;
    return `There are no enabled actions yet, so this agent has none: ${consequence}`;
  }
  if (draft.actions.length === 0) return `No actions are chosen for this agent: ${consequence}`;
  if (rows === undefined) return null;
  const usable = rows.filter(
    (row) => row.enabled && (draft.actions.includes(row.id) || draft.actions.includes(row.name)),
  );
  return usable.length === 0 ? `None of the chosen actions is enabled: ${consequence}` : null;
}
