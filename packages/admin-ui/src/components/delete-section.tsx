import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ErrorAlert } from './error-alert';

type DeleteState =
  | { step: 'idle' }
  | { step: 'confirming' }
  | { step: 'deleting' }
  | { step: 'failed'; error: unknown };

interface DeleteSectionProps {
  /** Prefix of the section's ids (`action`, `agent`). */
  idPrefix: string;
  /** The heading and the first button: `Delete action`. */
  title: string;
  /** What is asked, saying what goes and what stays. */
  question: string;
  /** The confirming button: `Delete the action`. */
  confirmLabel: string;
  /** Deletes on the server; a failure is shown and the section stays. */
  remove: () => Promise<void>;
  /** After the server deleted it: leave the page. */
  onDeleted: () => void;
}

/**
 * A delete button that first asks (focus moves to the confirming button, back to Delete on
 * Cancel), shows a failure, and leaves the page when the server has deleted.
 */
export function DeleteSection({
  idPrefix,
  title,
  question,
  confirmLabel,
  remove: removeOnServer,
  onDeleted,
}: DeleteSectionProps) {
  const [state, setState] = useState<DeleteState>({ step: 'idle' });
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (state.step === 'confirming') confirmButton.current?.focus();
    if (state.step === 'idle' && returnFocus.current) deleteButton.current?.focus();
    returnFocus.current = false;
  }, [state.step]);

  const remove = async () => {
    setState({ step: 'deleting' });
    try {
      await removeOnServer();
    } catch (error) {
      setState({ step: 'failed', error });
      return;
    }
    onDeleted();
  };

  return (
    <section class="form-section" aria-labelledby={`${idPrefix}-section-delete`}>
      <h2 id={`${idPrefix}-section-delete`}>{title}</h2>
      {state.step === 'failed' && <ErrorAlert error={state.error} />}
      {state.step === 'confirming' || state.step === 'deleting' ? (
        <div class="confirm-box">
          <p id={`${idPrefix}-delete-question`}>{question}</p>
          <div class="button-row">
            <button
              type="button"
              class="button button-danger"
              ref={confirmButton}
              aria-describedby={`${idPrefix}-delete-question`}
              disabled={state.step === 'deleting'}
              onClick={remove}
            >
              {state.step === 'deleting' ? 'Deleting…' : confirmLabel}
            </button>
            <button
              type="button"
              class="button button-secondary"
              disabled={state.step === 'deleting'}
              onClick={() => {
                returnFocus.current = true;
                setState({ step: 'idle' });
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button button-secondary"
          ref={deleteButton}
          onClick={() => setState({ step: 'confirming' })}
        >
          {title}
        </button>
      )}
    </section>
  );
}
