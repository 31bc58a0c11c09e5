import { fieldId } from '../../components/field-text';
import { CheckboxField, FieldErrors, InputField, TextAreaField } from '../../components/fields';
import {
  CONFIRMATION_POLICIES,
  type ConfirmationPolicy,
  TRIGGER_ENTITIES,
  type TriggerEntity,
} from '../action-draft';
import { parameterNamesOf } from '../draft-values';
import type { SectionProps } from './section-props';

const POLICY_TEXT: Record<ConfirmationPolicy, { label: string; hint: string }> = {
  auto: { label: 'Auto (default)', hint: 'Ask the customer first for every method but GET.' },
  always: { label: 'Always', hint: 'Ask the customer before every call.' },
  never: { label: 'Never', hint: 'Call without asking.' },
};
const ENTITY_LABELS: Record<TriggerEntity, string> = {
  email: 'An email address',
  phone: 'A phone number',
  digits: 'A number',
  date: 'A date',
  order_id: 'An order number',
};

/** A group of checkboxes with a legend, its errors tied to the group. */
function CheckboxGroup<T extends string>(props: {
  id: string;
  legend: string;
  hint: string;
  options: readonly { value: T; label: string }[];
  checked: readonly T[];
  onChecked: (values: T[]) => void;
  errors: readonly string[] | undefined;
}) {
  const { id, options, checked } = props;
  const toggle = (value: T, on: boolean) =>
    props.onChecked(on ? [...checked, value] : checked.filter((item) => item !== value));
  return (
    <fieldset class="field choice-group" aria-describedby={`${id}-hint`}>
      <legend>{props.legend}</legend>
      <p id={`${id}-hint`} class="field-hint">
        {props.hint}
      </p>
      <FieldErrors id={id} errors={props.errors} />
      {options.map((option) => (
        <div class="checkbox-line" key={option.value}>
          <input
            id={`${id}-${option.value}`}
            type="checkbox"
            checked={checked.includes(option.value)}
            aria-invalid={props.errors?.length ? 'true' : undefined}
            onChange={(event) => toggle(option.value, event.currentTarget.checked)}
          />
          <label for={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** How conversations use the action: confirmation, what the agent says, what the model sees, triggers, limits. */
export function ConversationSection({ draft, change, messages }: SectionProps) {
  const confirmationId = fieldId('/conversation/confirmation');
  const general = [...(messages['/conversation'] ?? []), ...(messages['/conversation/messages'] ?? [])];
  const names = parameterNamesOf(draft.parameters);
  const requireOptions = [...new Set([...names, ...draft.requires])].map((name) => ({
    value: name,
    label: name,
  }));
  return (
    <section class="form-section" aria-labelledby="section-conversation">
      <h2 id="section-conversation">In conversations</h2>
      <FieldErrors id={fieldId('/conversation')} errors={general} />
      <fieldset class="field choice-group">
        <legend>Confirmation</legend>
        <FieldErrors id={confirmationId} errors={messages['/conversation/confirmation']} />
        {CONFIRMATION_POLICIES.map((policy) => (
          <div class="checkbox-line" key={policy}>
            <input
              id={`${confirmationId}-${policy}`}
              type="radio"
              name="confirmation"
              value={policy}
              checked={draft.confirmation === policy}
              aria-describedby={`${confirmationId}-${policy}-hint`}
              onChange={() => change({ confirmation: policy })}
            />
            <label for={`${confirmationId}-${policy}`}>
              {POLICY_TEXT[policy].label}
              <span id={`${confirmationId}-${policy}-hint`} class="choice-hint">
                {POLICY_TEXT[policy].hint}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <CheckboxField
        id={fieldId('/conversation/allowDirectWidgetEvents')}
        label="Let widget events call it directly"
        checked={draft.allowDirectWidgetEvents}
        onChecked={(allowDirectWidgetEvents) => change({ allowDirectWidgetEvents })}
        errors={messages['/conversation/allowDirectWidgetEvents']}
        hint="Off: through a public widget key, an action that asks for confirmation runs only when the visitor confirms what the agent proposed. On: a widget event (a button) may call it straight away with the visitor's parameters."
      />

      <h3>What the agent says</h3>
      <InputField
        id={fieldId('/conversation/messages/start')}
        label="Before the call"
        value={draft.startMessage}
        onValue={(startMessage) => change({ startMessage })}
        errors={messages['/conversation/messages/start']}
        placeholder="e.g. Let me check that for you."
      />
      <div class="field-row">
        <InputField
          id={fieldId('/conversation/messages/delayed/text')}
          class="field-grow"
          label="If the call takes long"
          value={draft.delayedMessage}
          onValue={(delayedMessage) => change({ delayedMessage })}
          errors={[
            ...(messages['/conversation/messages/delayed'] ?? []),
            ...(messages['/conversation/messages/delayed/text'] ?? []),
          ]}
          placeholder="e.g. Still checking, one moment."
        />
        <InputField
          id={fieldId('/conversation/messages/delayed/afterMs')}
          class="field-short"
          label="After (seconds)"
          inputMode="decimal"
          value={draft.delayedAfterSeconds}
          onValue={(delayedAfterSeconds) => change({ delayedAfterSeconds })}
          errors={messages['/conversation/messages/delayed/afterMs']}
          placeholder="e.g. 3"
          hint="0.1 to 30."
        />
      </div>
      <InputField
        id={fieldId('/conversation/messages/failure')}
        label="If the call fails"
        value={draft.failureMessage}
        onValue={(failureMessage) => change({ failureMessage })}
        errors={messages['/conversation/messages/failure']}
        hint="Empty for a polite default."
      />

      <h3>What the model sees</h3>
      <TextAreaField
        id={fieldId('/conversation/responseFields')}
        label="Response fields the model may see"
        rows={3}
        mono
        value={draft.responseFields}
        onValue={(responseFields) => change({ responseFields })}
        errors={messages['/conversation/responseFields']}
        placeholder="e.g. order.status"
        hint="One dot path per line, e.g. order.status. Empty: the whole result."
      />

      <h3>Triggers</h3>
      <FieldErrors id={fieldId('/conversation/triggers')} errors={messages['/conversation/triggers']} />
      <TextAreaField
        id={fieldId('/conversation/triggers/phrases')}
        label="Phrases"
        rows={3}
        value={draft.phrases}
        onValue={(phrases) => change({ phrases })}
        errors={messages['/conversation/triggers/phrases']}
        placeholder="e.g. where is my order"
        hint="One per line: things customers say when they need this action."
      />
      <CheckboxGroup<TriggerEntity>
        id={fieldId('/conversation/triggers/entities')}
        legend="Mentioned things"
        hint="The action is a likely fit when the message mentions one of these."
        options={TRIGGER_ENTITIES.map((entity) => ({ value: entity, label: ENTITY_LABELS[entity] }))}
        checked={draft.entities}
        onChecked={(entities) => change({ entities })}
        errors={messages['/conversation/triggers/entities']}
      />
      {requireOptions.length > 0 && (
        <CheckboxGroup<string>
          id={fieldId('/conversation/triggers/requires')}
          legend="Requires"
          hint="Parameters whose values must be known before the action is considered."
          options={requireOptions}
          checked={draft.requires}
          onChecked={(requires) => change({ requires })}
          errors={messages['/conversation/triggers/requires']}
        />
      )}

      <h3>Rate limit</h3>
      <FieldErrors id={fieldId('/conversation/rateLimit')} errors={messages['/conversation/rateLimit']} />
      <div class="field-row">
        <InputField
          id={fieldId('#rateLimit/calls')}
          class="field-medium"
          label="Calls per conversation"
          inputMode="numeric"
          value={draft.rateLimitCalls}
          onValue={(rateLimitCalls) => change({ rateLimitCalls })}
          errors={messages['#rateLimit/calls']}
        />
        <InputField
          id={fieldId('#rateLimit/window')}
          class="field-short"
          label="Within (seconds)"
          inputMode="numeric"
          value={draft.rateLimitWindowSeconds}
          onValue={(rateLimitWindowSeconds) => change({ rateLimitWindowSeconds })}
          errors={messages['#rateLimit/window']}
        />
      </div>
      <p class="field-hint">Both empty: no limit beyond the agent's own.</p>
    </section>
  );
}
