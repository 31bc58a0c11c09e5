import type { JSX, Ref } from 'preact';
import type { ActionRow } from '../actions/action-rows';
import { ErrorSummary } from '../components/error-summary';
import { fieldId } from '../components/field-text';
import { CheckboxField, InputField, TextAreaField } from '../components/fields';
import type { Resource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { ActionsSection } from './actions-choice-section';
import type { AgentDraft } from './agent-draft';
import { type AgentMessages, agentErrorSummary } from './agent-form-errors';
import type { AgentSectionProps } from './agent-section-props';
import { LIMIT_NAMES, type LimitName } from './agent-view';
import { noActionsWarning } from './agent-warnings';
import { ModelSection } from './model-section';

const LIMITS: Record<LimitName, { label: string; hint: string }> = {
  maxCallsPerConversation: {
    label: 'Calls per conversation',
    hint: 'Action calls in one conversation, 1–100.',
  },
  maxStepsPerTurn: { label: 'Steps per turn', hint: 'Model steps to answer one message, 1–10.' },
  maxResultChars: {
    label: 'Characters of a result',
    hint: 'How much of a result the model reads, 200–20000.',
  },
};

export interface AgentFormProps {
  mode: 'create' | 'edit';
  draft: AgentDraft;
  /** The saved agent's form (the empty form when creating): decides what happens to the key. */
  baseline: AgentDraft;
  change: (patch: Partial<AgentDraft>) => void;
  messages: AgentMessages;
  formMessages: readonly string[];
  actions: Resource<ActionRow[]>;
  saving: boolean;
  readOnly: boolean;
  notice: string | null;
  summaryRef: Ref<HTMLDivElement>;
  onSubmit: () => void;
}

type SectionProps = AgentSectionProps;

function BasicsSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="agent-section-basics">
      <h2 id="agent-section-basics">Basics</h2>
      <InputField
        id={fieldId('/name')}
        label="Name"
        required
        value={draft.name}
        onValue={(name) => change({ name })}
        errors={messages['/name']}
        hint="Unique among your agents, e.g. support-bot. It may not look like an id (agt_…)."
      />
      <TextAreaField
        id={fieldId('/systemPrompt')}
        label="System prompt"
        rows={6}
        value={draft.systemPrompt}
        onValue={(systemPrompt) => change({ systemPrompt })}
        errors={messages['/systemPrompt']}
        hint="What the model is told about its role and tone. Not used by the embedded model."
      />
    </section>
  );
}

/** The write-only key: "set" with Replace and Remove once stored, otherwise a field to type it. */
function LimitsSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="agent-section-limits">
      <h2 id="agent-section-limits">Limits</h2>
      <p class="section-intro">Blank: the server's default.</p>
      <div class="field-row">
        {LIMIT_NAMES.map((name) => (
          <InputField
            key={name}
            id={fieldId(`/limits/${name}`)}
            class="field-medium"
            label={LIMITS[name].label}
            inputMode="numeric"
            value={draft.limits[name]}
            onValue={(value) => change({ limits: { ...draft.limits, [name]: value } })}
            errors={messages[`/limits/${name}`]}
            hint={LIMITS[name].hint}
          />
        ))}
      </div>
    </section>
  );
}

function MessagesSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="agent-section-messages">
      <h2 id="agent-section-messages">Messages and locale</h2>
      <TextAreaField
        id={fieldId('/greeting')}
        label="Greeting"
        rows={2}
        value={draft.greeting}
        onValue={(greeting) => change({ greeting })}
        errors={messages['/greeting']}
        hint="The first message of every conversation. Blank: none."
      />
      <TextAreaField
        id={fieldId('/fallbackText')}
        label="Fallback text"
        rows={2}
        value={draft.fallbackText}
        onValue={(fallbackText) => change({ fallbackText })}
        errors={messages['/fallbackText']}
        hint="What the customer reads when the model cannot answer. Blank: the default."
      />
      <div class="field-row">
        <InputField
          id={fieldId('/language')}
          class="field-short"
          label="Language"
          value={draft.language}
          onValue={(language) => change({ language })}
          errors={messages['/language']}
          hint="e.g. en, de-CH"
        />
        <InputField
          id={fieldId('/phoneRegion')}
          class="field-short"
          label="Phone region"
          value={draft.phoneRegion}
          onValue={(phoneRegion) => change({ phoneRegion })}
          errors={messages['/phoneRegion']}
          hint="Two capital letters, e.g. US"
        />
        <InputField
          id={fieldId('/timezone')}
          class="field-grow"
          label="Time zone"
          value={draft.timezone}
          onValue={(timezone) => change({ timezone })}
          errors={messages['/timezone']}
          hint="IANA name, e.g. Europe/Berlin"
        />
      </div>
    </section>
  );
}

function WebhookSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="agent-section-webhook">
      <h2 id="agent-section-webhook">Webhook trigger</h2>
      <p class="section-intro">
        A tool the model can fire to POST the conversation's events to your endpoint, signed with the agent's
        signing secret.
      </p>
      <CheckboxField
        id="agent-webhook-enabled"
        label="Use a webhook trigger"
        checked={draft.webhookEnabled}
        onChecked={(webhookEnabled) => change({ webhookEnabled })}
        errors={messages['/webhookTrigger']}
      />
      {draft.webhookEnabled && (
        <>
          <InputField
            id={fieldId('/webhookTrigger/url')}
            label="Webhook URL"
            type="url"
            inputMode="url"
            required
            mono
            value={draft.webhookUrl}
            onValue={(webhookUrl) => change({ webhookUrl })}
            errors={messages['/webhookTrigger/url']}
            hint="Where the events are POSTed (https)."
          />
          <TextAreaField
            id={fieldId('/webhookTrigger/description')}
            label="When to fire it"
            rows={2}
            value={draft.webhookDescription}
            onValue={(webhookDescription) => change({ webhookDescription })}
            errors={messages['/webhookTrigger/description']}
            hint="Added to the tool description the model reads."
          />
        </>
      )}
    </section>
  );
}

/** Every setting of an agent, in sections, with the save button. */
export function AgentForm(props: AgentFormProps) {
  const { mode, saving, readOnly, notice } = props;
  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!saving && !readOnly) props.onSubmit();
  };
  const sections: SectionProps = { draft: props.draft, change: props.change, messages: props.messages };
  const warning = noActionsWarning(
    props.draft,
    props.actions.status === 'ready' ? props.actions.data : undefined,
  );
  return (
    <form class="action-form agent-form" onSubmit={onSubmit} noValidate aria-busy={saving} aria-label="Agent">
      <ErrorSummary
        messages={props.formMessages}
        entries={agentErrorSummary(props.messages)}
        summaryRef={props.summaryRef}
      />
      {readOnly && (
        <p class="alert alert-info">
          You can read this agent. Changing it needs the <code>agents:manage</code> permission.
        </p>
      )}
      <fieldset class="form-body" disabled={readOnly}>
        <legend class="visually-hidden">Agent settings</legend>
        <BasicsSection {...sections} />
        <ModelSection {...sections} baseline={props.baseline} />
        <ActionsSection {...sections} actions={props.actions} />
        <LimitsSection {...sections} />
        <MessagesSection {...sections} />
        <WebhookSection {...sections} />
      </fieldset>
      {!readOnly && (
        <div class="form-actions">
          {warning !== null && (
            <p id="agent-no-actions-warning" class="alert alert-warning form-warning">
              <strong>Warning:</strong> {warning}
            </p>
          )}
          <button
            type="submit"
            class="button button-primary"
            disabled={saving}
            aria-describedby={warning !== null ? 'agent-no-actions-warning' : undefined}
          >
            {saving ? 'Saving…' : mode === 'create' ? 'Create agent' : 'Save changes'}
          </button>
          <Link href="/agents" class="button button-secondary">
            {mode === 'create' ? 'Cancel' : 'Back to agents'}
          </Link>
          <p class="form-status" role="status" aria-live="polite">
            {notice}
          </p>
        </div>
      )}
    </form>
  );
}
