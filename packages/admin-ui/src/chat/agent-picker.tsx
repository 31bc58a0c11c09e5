import { useCallback, useEffect } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { InputField, SelectField } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import { useResource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { type AgentOption, listAgents } from './chat-api';

interface AgentPickerProps {
  client: ApiClient;
  /** The operator may list agents (`agents:read`); otherwise the agent is typed. */
  canList: boolean;
  /** An agent id (picked) or an id or name (typed). */
  value: string;
  onValue: (agent: string) => void;
}

function TypedAgent({ value, onValue }: Pick<AgentPickerProps, 'value' | 'onValue'>) {
  return (
    <InputField
      id="chat-agent"
      label="Agent"
      value={value}
      onValue={onValue}
      hint="The agent's name or id (listing agents needs the agents:read permission)."
      class="field-medium"
    />
  );
}

function AgentSelect({
  agents,
  value,
  onValue,
}: { agents: AgentOption[] } & Pick<AgentPickerProps, 'value' | 'onValue'>) {
  // Nothing picked yet: the first agent (often the only one).
  useEffect(() => {
    const first = agents[0];
    if (first && !agents.some((agent) => agent.id === value)) onValue(first.id);
  }, [agents, value, onValue]);
  return (
    <SelectField
      id="chat-agent"
      label="Agent"
      value={value}
      options={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
      onValue={onValue}
      class="field-medium"
    />
  );
}

/** Which agent to talk to: a list from `GET /agents`, or a text field when the list is not allowed. */
export function AgentPicker({ client, canList, value, onValue }: AgentPickerProps) {
  const load = useCallback(() => (canList ? listAgents(client) : Promise.resolve(null)), [client, canList]);
  const { resource, reload } = useResource(load);
  if (resource.status === 'loading') return <LoadingStatus label="Loading agents…" />;
  if (resource.status === 'failed') {
    if (resource.error instanceof ApiError && resource.error.status === 403) {
      return <TypedAgent value={value} onValue={onValue} />;
    }
    return <ErrorAlert error={resource.error} onRetry={reload} />;
  }
  if (resource.data === null) return <TypedAgent value={value} onValue={onValue} />;
  if (resource.data.length === 0) {
    return (
      <EmptyState title="No agents yet">
        <p>
          Create an agent on the <Link href="/agents">Agents</Link> page, then talk to it here.
        </p>
      </EmptyState>
    );
  }
  return <AgentSelect agents={resource.data} value={value} onValue={onValue} />;
}
