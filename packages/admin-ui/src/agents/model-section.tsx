import { fieldId } from '../components/field-text';
import { FieldErrors, InputField, SelectField } from '../components/fields';
import { type AgentDraft, keyState, usesLlm } from './agent-draft';
import type { AgentSectionProps as SectionProps } from './agent-section-props';
import { MODEL_PROVIDERS, type ModelProvider } from './agent-view';

const PROVIDER_LABELS: Record<ModelProvider, string> = {
  embedded: 'Embedded (offline, no LLM)',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible (Ollama, vLLM, LM Studio…)',
};
const PROVIDER_OPTIONS = MODEL_PROVIDERS.map((value) => ({ value, label: PROVIDER_LABELS[value] }));
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

/** The model: provider, model id, base URL, timeout and the write-only API key. */
export function ModelSection(props: SectionProps & { baseline: AgentDraft }) {
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
              placeholder={draft.provider === 'anthropic' ? 'e.g. claude-sonnet-4-5' : 'e.g. gpt-4o-mini'}
            />
            <InputField
              id={fieldId('/model/timeoutMs')}
              class="field-medium"
              label="Timeout (seconds)"
              inputMode="decimal"
              value={draft.timeoutSeconds}
              onValue={(timeoutSeconds) => change({ timeoutSeconds })}
              errors={messages['/model/timeoutMs']}
              hint="1 to 120 seconds; blank: the default."
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
