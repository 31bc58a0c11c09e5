import { fieldId } from '../../components/field-text';
import { CheckboxField, InputField, SelectField, TextAreaField } from '../../components/fields';
import { METHODS, type Method } from '../action-draft';
import {
  descriptionAdvice,
  MAX_DESCRIPTION_LENGTH,
  SPECIFIC_EXAMPLE,
  VAGUE_EXAMPLE,
} from '../description-advice';
import type { SectionProps } from './section-props';

const METHOD_OPTIONS = METHODS.map((method) => ({ value: method, label: method }));

function DescriptionHint({ description }: { description: string }) {
  const advice = descriptionAdvice(description);
  return (
    <>
      <p>
        The model reads this to decide when to call the action. Be specific about what it does and when to use
        it.
      </p>
      <p>
        Specific: <q>{SPECIFIC_EXAMPLE}</q>
        <br />
        Vague: <q>{VAGUE_EXAMPLE}</q>
      </p>
      {advice.length > 0 && (
        <ul class="advice" aria-label="Suggestions">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p class="counter">
        {description.length} of {MAX_DESCRIPTION_LENGTH} characters
      </p>
    </>
  );
}

/** Name, display name, description and whether the action is offered to agents. */
export function BasicsSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="section-basics">
      <h2 id="section-basics">Basics</h2>
      <InputField
        id={fieldId('/name')}
        label="Name"
        required
        mono
        value={draft.name}
        onValue={(name) => change({ name })}
        errors={messages['/name']}
        hint="The tool name the model sees: lower-case letters, digits and underscores, starting with a letter."
        placeholder="e.g. check_order_status"
      />
      <InputField
        id={fieldId('/displayName')}
        label="Display name"
        value={draft.displayName}
        onValue={(displayName) => change({ displayName })}
        errors={messages['/displayName']}
        hint="Shown to operators and customers, e.g. Check order status."
      />
      <TextAreaField
        id={fieldId('/description')}
        label="Description"
        required
        rows={4}
        value={draft.description}
        onValue={(description) => change({ description })}
        errors={messages['/description']}
        hint={<DescriptionHint description={draft.description} />}
      />
      <CheckboxField
        id={fieldId('/enabled')}
        label="Enabled: agents may call this action"
        checked={draft.enabled}
        onChecked={(enabled) => change({ enabled })}
        errors={messages['/enabled']}
      />
    </section>
  );
}

/** Where the request goes: method, URL and timeout. */
export function EndpointSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="section-endpoint">
      <h2 id="section-endpoint">Endpoint</h2>
      <div class="field-row">
        <SelectField<Method>
          id={fieldId('/method')}
          class="field-method"
          label="Method"
          value={draft.method}
          options={METHOD_OPTIONS}
          onValue={(method) => change({ method })}
          errors={messages['/method']}
        />
        <InputField
          id={fieldId('/url')}
          class="field-grow"
          label="URL"
          type="url"
          inputMode="url"
          required
          mono
          value={draft.url}
          onValue={(url) => change({ url })}
          errors={messages['/url']}
          placeholder="e.g. https://api.example.com/orders/{order_number}"
          hint={
            <p>
              https only. <code>{'{name}'}</code> in the path is filled with a required parameter. GET and
              DELETE send parameters in the query string, the others in a JSON body.
            </p>
          }
        />
      </div>
      <InputField
        id={fieldId('/timeoutMs')}
        class="field-short"
        label="Timeout (seconds)"
        inputMode="decimal"
        value={draft.timeoutSeconds}
        onValue={(timeoutSeconds) => change({ timeoutSeconds })}
        errors={messages['/timeoutMs']}
        hint="From 1 to 30 seconds; a customer is waiting."
      />
    </section>
  );
}
