import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { AgentOption } from '../chat/chat-api';
import { ErrorAlert } from '../components/error-alert';
import { CheckboxField, InputField } from '../components/fields';
import {
  type DraftProblems,
  type SubscriptionDraft,
  toggled,
  toSubscriptionBody,
} from './subscription-draft';
import { EVENT_TYPES, type ShownSecret, type SubscriptionRow } from './subscription-view';
import { createSubscription, updateSubscription } from './subscriptions-api';

/** Creates a subscription (`editing` null) or changes one: URL, description, event types, agents, schedule. */
export function SubscriptionForm({
  client,
  agents,
  editing,
  initial,
  onCreated,
  onSaved,
  onCancel,
}: {
  client: ApiClient;
  agents: readonly AgentOption[];
  editing: SubscriptionRow | null;
  initial: SubscriptionDraft;
  onCreated: (shown: ShownSecret) => void;
  onSaved: (row: SubscriptionRow) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<SubscriptionDraft>) => setDraft({ ...draft, ...change });
  const agentIds = agents.map((agent) => agent.id);

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = toSubscriptionBody(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setFailure(null);
    setSaving(true);
    try {
      if (editing) onSaved(await updateSubscription(client, editing.id, checked.body));
      else onCreated(await createSubscription(client, checked.body));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="subscription-form" onSubmit={submit} noValidate aria-labelledby="subscription-form-title">
      <h2 id="subscription-form-title">{editing ? 'Change the subscription' : 'New subscription'}</h2>
      {failure !== null && <ErrorAlert error={failure} />}
      <InputField
        id="subscription-url"
        label="Endpoint URL"
        type="url"
        required
        mono
        value={draft.url}
        onValue={(url) => set({ url })}
        errors={problems.url}
        hint="An https address of your system. Events are POSTed there, signed."
      />
      <InputField
        id="subscription-description"
        label="Description"
        value={draft.description}
        onValue={(description) => set({ description })}
      />
      <fieldset>
        <legend>Events (none chosen: every event)</legend>
        {EVENT_TYPES.map((type) => (
          <CheckboxField
            key={type}
            id={`subscription-event-${type.replace('.', '-')}`}
            label={<code>{type}</code>}
            checked={draft.eventTypes.includes(type)}
            onChecked={(on) => set({ eventTypes: toggled(draft.eventTypes, type, on, EVENT_TYPES) })}
          />
        ))}
      </fieldset>
      {agents.length > 0 && (
        <fieldset>
          <legend>Agents (none chosen: every agent)</legend>
          {agents.map((agent) => (
            <CheckboxField
              key={agent.id}
              id={`subscription-agent-${agent.id}`}
              label={agent.name}
              checked={draft.agentIds.includes(agent.id)}
              onChecked={(on) => set({ agentIds: toggled(draft.agentIds, agent.id, on, agentIds) })}
            />
          ))}
        </fieldset>
      )}
      <InputField
        id="subscription-retry"
        label="Retry schedule (seconds)"
        value={draft.retrySchedule}
        onValue={(retrySchedule) => set({ retrySchedule })}
        errors={problems.retrySchedule}
        hint="Delays before each retry, e.g. 5, 300, 1800. Empty: the server's schedule (5 s up to 10 h)."
      />
      <div class="button-row">
        <button type="submit" class="button" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Create subscription'}
        </button>
        {editing && (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
