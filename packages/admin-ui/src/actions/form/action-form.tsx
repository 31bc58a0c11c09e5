import type { JSX, Ref } from 'preact';
import { ErrorSummary } from '../../components/error-summary';
import { Link } from '../../router/link';
import { errorSummary } from '../action-form-errors';
import type { ActionSection } from '../action-sections';
import { AdvancedSection, SecretsSection } from './advanced-section';
import { BasicsSection, EndpointSection } from './basics-section';
import { CodeSection } from './code-section';
import { ConversationSection } from './conversation-section';
import { ParametersSection } from './parameters-section';
import type { SectionProps } from './section-props';

/** The sections of the page that are part of the form (Test is not). */
export type FormSection = Exclude<ActionSection, 'test'>;

interface ActionFormProps extends SectionProps {
  mode: 'create' | 'edit';
  /** The section shown; the others keep their values in the draft and are saved with it. */
  section: FormSection;
  /** Shows a control of another section (the error summary's links): goes there, then focuses it. */
  reveal: (control: string) => void;
  /** Messages above the form: why the last save failed. */
  formMessages: readonly string[];
  saving: boolean;
  /** The operator may only read. */
  readOnly: boolean;
  notice: string | null;
  summaryRef: Ref<HTMLDivElement>;
  onSubmit: () => void;
}

/**
 * The fields of one section of the action, with the save button, which saves every section: the
 * summary of a failed save lists the problems of all of them.
 */
export function ActionForm(props: ActionFormProps) {
  const { mode, saving, readOnly, notice } = props;
  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!saving && !readOnly) props.onSubmit();
  };
  const sections: SectionProps = { draft: props.draft, change: props.change, messages: props.messages };
  return (
    <form class="action-form" onSubmit={onSubmit} noValidate aria-busy={saving} aria-label="Action">
      <ErrorSummary
        messages={props.formMessages}
        entries={errorSummary(props.messages, props.draft)}
        summaryRef={props.summaryRef}
        reveal={props.reveal}
      />
      {readOnly && (
        <p class="alert alert-info">
          You can read this action. Changing it needs the <code>webhooks:manage</code> permission.
        </p>
      )}
      <fieldset class="form-body" disabled={readOnly}>
        <legend class="visually-hidden">Action settings</legend>
        {props.section === 'definition' && (
          <>
            <BasicsSection {...sections} />
            <EndpointSection {...sections} />
            <AdvancedSection {...sections} />
            <CodeSection {...sections} />
          </>
        )}
        {props.section === 'parameters' && <ParametersSection {...sections} />}
        {props.section === 'auth' && <SecretsSection {...sections} />}
        {props.section === 'conversation' && <ConversationSection {...sections} />}
      </fieldset>
      {!readOnly && (
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : mode === 'create' ? 'Create action' : 'Save changes'}
          </button>
          <Link href="/actions" class="button button-secondary">
            {mode === 'create' ? 'Cancel' : 'Back to actions'}
          </Link>
          <p class="form-status" role="status" aria-live="polite">
            {notice}
          </p>
        </div>
      )}
    </form>
  );
}
