import type { AgentDraft } from './agent-draft';
import type { AgentMessages } from './agent-form-errors';

/** What every section of the agent form gets. */
export interface AgentSectionProps {
  draft: AgentDraft;
  change: (patch: Partial<AgentDraft>) => void;
  messages: AgentMessages;
}
