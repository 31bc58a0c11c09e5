import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/api-client';
import type { FormErrors } from '../../api/field-errors';
import { asSentence, fieldId } from '../../components/field-text';
import { FieldErrors, InputField } from '../../components/fields';
import { Link } from '../../router/link';
import type { ActionView } from '../action-view';
import { testAction } from '../actions-api';
import { schemaFields, type TestField, testParameters } from './schema-fields';
import { TestOutcomeView } from './test-outcome-view';
import {
  needsConfirmation,
  type TestMode,
  type TestOutcome,
  testErrors,
  testRequestBody,
} from './test-result';

const NO_ERRORS: FormErrors<string> = { fields: {}, form: [] };

function SelectInput({
  field,
  value,
  errors,
  onValue,
}: {
  field: TestField;
  value: string;
  errors: readonly string[] | undefined;
  onValue: (value: string) => void;
}) {
  const id = fieldId(field.pointer);
  const invalid = errors !== undefined && errors.length > 0;
  const hint = field.description ?? field.hint;
  const described = [invalid ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>
        {field.name}
        {field.required && <span class="required-mark"> (required)</span>}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        <option value="">(not set)</option>
        {field.options?.map((option, index) => (
          <option key={option.label} value={String(index)}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={id} errors={errors} />
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function ParameterInput(props: {
  field: TestField;
  value: string;
  errors: readonly string[] | undefined;
  onValue: (value: string) => void;
}) {
  const { field } = props;
  if (field.control === 'select') return <SelectInput {...props} />;
  const hint = [field.description, field.hint]
    .filter((text): text is string => Boolean(text))
    .map(asSentence)
    .join(' ');
  return (
    <InputField
      id={fieldId(field.pointer)}
      label={field.name}
      required={field.required}
      type={field.control}
      inputMode={field.inputMode}
      value={props.value}
      onValue={props.onValue}
      errors={props.errors}
      placeholder={field.placeholder}
      hint={hint === '' ? undefined : hint}
    />
  );
}

interface TestConsoleProps {
  client: ApiClient;
  /** The saved action: tests run what is saved, not the form. */
  action: ActionView;
  /** The form has changes that are not saved yet. */
  unsaved: boolean;
  /**
   * Opened from a call of the log ("Open in test console"): the fields start with its parameters,
   * the note says so, and the console is scrolled to and focused.
   */
  prefill?: { callId: string; values: Record<string, string>; note: string } | undefined;
}

/**
 * The test console: parameters from the saved schema, a dry run (built and signed, not sent) or
 * a live call (a non-GET asks first), and what came back.
 */
export function TestConsole({ client, action, unsaved, prefill }: TestConsoleProps) {
  const fields = useMemo(() => schemaFields(action.definition.parameters), [action.definition.parameters]);
  const method = typeof action.definition.method === 'string' ? action.definition.method : 'POST';
  const [values, setValues] = useState<Record<string, string>>(() => prefill?.values ?? {});
  const [pending, setPending] = useState<TestMode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const liveButton = useRef<HTMLButtonElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const prefilled = prefill !== undefined;
  useEffect(() => {
    if (!prefilled) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [prefilled]);

  const backToLive = useRef(false);
  useLayoutEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (backToLive.current) liveButton.current?.focus();
    backToLive.current = false;
  }, [confirming]);
  useLayoutEffect(() => {
    if (outcome) outcomeHeading.current?.focus();
  }, [outcome]);
  useLayoutEffect(() => {
    if (errors.form.length > 0) errorBox.current?.focus();
  }, [errors]);

  const run = async (mode: TestMode, confirmed: boolean) => {
    if (pending) return;
    if (needsConfirmation(mode, method) && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setPending(mode);
    setErrors(NO_ERRORS);
    try {
      const body = testRequestBody(testParameters(fields, values), mode, confirmed);
      setOutcome(await testAction(client, action.id, body));
    } catch (error) {
      setOutcome(null);
      setErrors(testErrors(error, fields));
    } finally {
      setPending(null);
    }
  };
  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('dry_run', false);
  };

  return (
    <section class="form-section test-console" aria-labelledby="section-test">
      <h2 id="section-test" tabIndex={-1} ref={heading}>
        Test console
      </h2>
      <p class="section-intro">
        A dry run builds and signs the request without sending it. A live test sends it to the endpoint and
        records the call in the log.
      </p>
      {unsaved && <p class="alert alert-info">Tests use the saved action. Save your changes to test them.</p>}
      {prefill && (
        <p class="alert alert-info">
          {prefill.note} <Link href={`/calls/${encodeURIComponent(prefill.callId)}`}>Back to the call</Link>
        </p>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Test parameters" aria-busy={pending !== null}>
        {errors.form.length > 0 && (
          <div class="alert alert-error" role="alert" tabIndex={-1} ref={errorBox}>
            {errors.form.map((message) => (
              <p key={message}>{asSentence(message)}</p>
            ))}
          </div>
        )}
        {fields.length === 0 && <p class="field-hint">This action takes no parameters.</p>}
        <div class="test-fields">
          {fields.map((field) => (
            <ParameterInput
              key={field.name}
              field={field}
              value={values[field.name] ?? ''}
              errors={errors.fields[field.pointer]}
              onValue={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            />
          ))}
        </div>
        {confirming ? (
          <div class="confirm-box">
            <p id="live-question">
              A live {method} reaches the endpoint for real and may change something there (create, update or
              delete). Send it?
            </p>
            <div class="button-row">
              <button
                type="button"
                class="button button-danger"
                ref={confirmButton}
                aria-describedby="live-question"
                onClick={() => void run('live', true)}
              >
                Send live {method}
              </button>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => {
                  backToLive.current = true;
                  setConfirming(false);
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div class="button-row">
            <button type="submit" class="button button-secondary" disabled={pending !== null}>
              {pending === 'dry_run' ? 'Running…' : 'Dry run'}
            </button>
            <button
              type="button"
              class="button button-primary"
              ref={liveButton}
              disabled={pending !== null}
              onClick={() => void run('live', false)}
            >
              {pending === 'live' ? 'Sending…' : 'Live test'}
            </button>
          </div>
        )}
      </form>
      {outcome && <TestOutcomeView outcome={outcome} headingRef={outcomeHeading} />}
    </section>
  );
}
