import type { JSX, Ref } from 'preact';
import type { ActionRow } from '../actions/action-rows';
import { asSentence, fieldId } from '../components/field-text';
import { CheckboxField, FieldErrors, InputField, SelectField, TextAreaField } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import type { Resource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { type AgentDraft, keyState, usesLlm } from './agent-draft';
import { type AgentMessages, agentErrorSummary } from './agent-form-errors';
import { LIMIT_NAMES, type LimitName, MODEL_PROVIDERS, type ModelProvider } from './agent-view';

const PROVIDER_LABELS: Record<ModelProvider, string> = {
  embedded: 'Embedded (offline, no LLM)',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible (Ollama, vLLM, LM Studio…)',
};
const PROVIDER_OPTIONS = MODEL_PROVIDERS.map((value) => ({ value, label: PROVIDER_LABELS[value] }));

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

type SectionProps = Pick<AgentFormProps, 'draft' | 'change' | 'messages'>;

function ErrorSummary({
  messages,
  formMessages,
  summaryRef,
}: Pick<AgentFormProps, 'messages' | 'formMessages' | 'summaryRef'>) {
  if (formMessages.length === 0) return null;
  const entries = agentErrorSummary(messages);
  const jump = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>, control: string) => {
    const target = document.getElementById(fieldId(control));
    if (target === null) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef}>
      {formMessages.map((message) => (
        <p key={message}>{asSentence(message)}</p>
      ))}
      {entries.length > 0 && (
        <>
          <p>Nothing you typed is lost. Change {entries.length === 1 ? 'this field' : 'these fields'}:</p>
          <ul class="error-links">
            {entries.map((entry) => (
              <li key={entry.control}>
                <a href={`#${fieldId(entry.control)}`} onClick={(event) => jump(event, entry.control)}>
                  {entry.label}
                </a>
                : {entry.messages.map(asSentence).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

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
function ApiKeyField({ draft, baseline, change, messages }: SectionProps & { baseline: AgentDraft }) {
  const id = fieldId('/model/apiKey');
  const errors = messages['/model/apiKey'];
  const state = keyState(baseline, draft);
  if (state === 'kept' && draft.keyChoice === 'keep') {
    return (
      <div class="field">
        <span class="field-label" id={`${id}-label`}>
          API key
        </span>
        <div class="secret-line">
          <span class="secret-value" id={id} tabIndex={-1}>
            Set <span class="secondary-text">(stored, never shown)</span>
          </span>
          <button
            type="button"
            class="button button-secondary button-small"
            aria-label="Replace the API key"
            onClick={() => change({ keyChoice: 'replace', apiKey: '' })}
          >
            Replace
          </button>
          <button
            type="button"
            class="button button-secondary button-small"
            aria-label="Remove the API key"
            onClick={() => change({ keyChoice: 'remove', apiKey: '' })}
          >
            Remove
          </button>
        </div>
        <FieldErrors id={id} errors={errors} />
      </div>
    );
  }
  if (state === 'removed') {
    return (
      <div class="field">
        <span class="field-label">API key</span>
        <p class="secret-line" id={id} tabIndex={-1}>
          The stored key will be removed when you save.
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => change({ keyChoice: 'keep', apiKey: '' })}
          >
            Keep the API key
          </button>
        </p>
        <FieldErrors id={id} errors={errors} />
      </div>
    );
  }
  const replacing = baseline.keyStored && state !== 'dropped';
  const hint =
    state === 'dropped' || (baseline.keyStored && draft.keyChoice === 'keep')
      ? 'The stored key is not sent to another provider or base URL: type the key for the new one (it is removed otherwise).'
      : 'Write-only: after saving it is never shown again. Required for OpenAI and Anthropic.';
  return (
    <div class="secret-replace">
      <InputField
        id={id}
        label={replacing ? 'New API key' : 'API key'}
        type="password"
        autocomplete="new-password"
        mono
        value={draft.apiKey}
        onValue={(apiKey) => change({ apiKey, keyChoice: 'replace' })}
        errors={errors}
        hint={hint}
      />
      {replacing && (
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => change({ keyChoice: 'keep', apiKey: '' })}
        >
          Keep the stored key
        </button>
      )}
    </div>
  );
}

function ModelSection(props: SectionProps & { baseline: AgentDraft }) {
  const { draft, change, messages } = props;
  const llm = usesLlm(draft.provider);
  return (
    <section class="form-section" aria-labelledby="agent-section-model">
      <h2 id="agent-section-model">Model</h2>
      <SelectField
        id={fieldId('/model/provider')}
        label="Provider"
        value={draft.provider}
        options={PROVIDER_OPTIONS}
        onValue={(provider) => change({ provider })}
        errors={messages['/model/provider']}
        hint={
          llm
            ? undefined
            : 'The embedded model runs here, offline: it matches messages to actions by their triggers.'
        }
      />
      {llm && (
        <>
          <div class="field-row">
            <InputField
              id={fieldId('/model/model')}
              class="field-grow"
              label="Model id"
              required
              mono
              value={draft.model}
              onValue={(model) => change({ model })}
              errors={messages['/model/model']}
              placeholder={draft.provider === 'anthropic' ? 'claude-sonnet-4-5' : 'gpt-4o-mini'}
            />
            <InputField
              id={fieldId('/model/timeoutMs')}
              class="field-medium"
              label="Timeout (milliseconds)"
              inputMode="numeric"
              value={draft.timeoutMs}
              onValue={(timeoutMs) => change({ timeoutMs })}
              errors={messages['/model/timeoutMs']}
              hint="1000–120000; blank: the default."
            />
          </div>
          <InputField
            id={fieldId('/model/baseUrl')}
            label="Base URL"
            type="url"
            inputMode="url"
            mono
            required={draft.provider === 'openai-compatible'}
            value={draft.baseUrl}
            onValue={(baseUrl) => change({ baseUrl })}
            errors={messages['/model/baseUrl']}
            hint={
              draft.provider === 'openai-compatible'
                ? 'Your server, e.g. http://localhost:11434/v1 (plain http only where the server allows it).'
                : "Blank: the provider's own API."
            }
          />
          <ApiKeyField {...props} />
        </>
      )}
      {!llm && props.baseline.keyStored && (
        <p class="field-hint">The stored API key is removed when you save with the embedded model.</p>
      )}
    </section>
  );
}

function ActionsSection({
  draft,
  change,
  messages,
  actions,
}: SectionProps & { actions: Resource<ActionRow[]> }) {
  const errors = messages['/actions'];
  const id = fieldId('/actions');
  const rows = actions.status === 'ready' ? actions.data : [];
  const chosen = (row: ActionRow) => draft.actions.includes(row.id) || draft.actions.includes(row.name);
  const unknown = draft.actions.filter(
    (entry) => !rows.some((row) => row.id === entry || row.name === entry),
  );
  const toggle = (row: ActionRow, on: boolean) => {
    const rest = draft.actions.filter((entry) => entry !== row.id && entry !== row.name);
    change({ actions: on ? [...rest, row.id] : rest });
  };
  return (
    <section class="form-section" aria-labelledby="agent-section-actions">
      <h2 id="agent-section-actions">Actions</h2>
      <fieldset class="field choice-group" aria-describedby={errors ? `${id}-error` : undefined}>
        <legend>Actions it may use</legend>
        <div class="checkbox-line">
          <input
            id={id}
            type="radio"
            name="agent-actions-mode"
            checked={draft.actionsMode === 'all'}
            onChange={() => change({ actionsMode: 'all' })}
          />
          <label for={id}>All enabled actions</label>
        </div>
        <div class="checkbox-line">
          <input
            id="agent-actions-some"
            type="radio"
            name="agent-actions-mode"
            checked={draft.actionsMode === 'some'}
            onChange={() => change({ actionsMode: 'some' })}
          />
          <label for="agent-actions-some">Only the actions chosen below</label>
        </div>
        <FieldErrors id={id} errors={errors} />
      </fieldset>
      {draft.actionsMode === 'some' && (
        <fieldset class="field choice-group action-checklist">
          <legend>Chosen actions</legend>
          {actions.status === 'loading' && <LoadingStatus label="Loading actions…" />}
          {actions.status === 'failed' && (
            <p class="field-hint">The actions could not be loaded; the agent keeps the ones listed here.</p>
          )}
          {actions.status === 'ready' && rows.length === 0 && (
            <p class="field-hint">There are no actions yet.</p>
          )}
          {rows.map((row) => (
            <CheckboxField
              key={row.id}
              id={`agent-action-${row.id}`}
              label={
                <>
                  <code>{row.name}</code>
                  {row.enabled ? '' : ' (disabled)'}
                </>
              }
              checked={chosen(row)}
              onChecked={(on) => toggle(row, on)}
            />
          ))}
          {unknown.map((entry) => (
            <CheckboxField
              key={entry}
              id={`agent-action-unknown-${entry}`}
              label={
                <>
                  <code>{entry}</code> (not found)
                </>
              }
              checked
              onChecked={() => change({ actions: draft.actions.filter((other) => other !== entry) })}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
}

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
  return (
    <form class="action-form agent-form" onSubmit={onSubmit} noValidate aria-busy={saving} aria-label="Agent">
      <ErrorSummary
        messages={props.messages}
        formMessages={props.formMessages}
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
          <button type="submit" class="button button-primary" disabled={saving}>
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
