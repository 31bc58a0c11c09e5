import type { JSX, Ref } from 'preact';
import { ErrorSummary } from '../../components/error-summary';
import { Link } from '../../router/link';
import { errorSummary } from '../action-form-errors';
import { AdvancedSection, SecretsSection } from './advanced-section';
import { BasicsSection, EndpointSection } from './basics-section';
import { ConversationSection } from './conversation-section';
import { ParametersSection } from './parameters-section';
import type { SectionProps } from './section-props';

interface ActionFormProps extends SectionProps {
  mode: 'create' | 'edit';
  /** Messages above the form: why the last save failed. */
  formMessages: readonly string[];
  saving: boolean;
  /** The operator may only read. */
  readOnly: boolean;
  notice: string | null;
  summaryRef: Ref<HTMLDivElement>;
  onSubmit: () => void;
}

/** Every field of an action, in sections, with the save button. */
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
      />
      {readOnly && (
        <p class="alert alert-info">
          You can read this action. Changing it needs the <code>webhooks:manage</code> permission.
        </p>
      )}
      <fieldset class="form-body" disabled={readOnly}>
        <legend class="visually-hidden">Action settings</legend>
        <BasicsSection {...sections} />
        <EndpointSection {...sections} />
        <ParametersSection {...sections} />
        <SecretsSection {...sections} />
        <ConversationSection {...sections} />
        <AdvancedSection {...sections} />
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
