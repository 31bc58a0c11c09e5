import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { ErrorAlert } from '../components/error-alert';
import { deleteAction } from './actions-api';

type DeleteState =
  | { step: 'idle' }
  | { step: 'confirming' }
  | { step: 'deleting' }
  | { step: 'failed'; error: unknown };

interface DeleteActionSectionProps {
  client: ApiClient;
  actionId: string;
  /** The name in the question: the display name, or else the name. */
  name: string;
  /** After the server deleted it: leave the page. */
  onDeleted: () => void;
}

/** Delete, after a confirmation that says what stays (the calls in the execution log). */
export function DeleteActionSection({ client, actionId, name, onDeleted }: DeleteActionSectionProps) {
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
      await deleteAction(client, actionId);
    } catch (error) {
      setState({ step: 'failed', error });
      return;
    }
    onDeleted();
  };

  return (
    <section class="form-section" aria-labelledby="action-section-delete">
      <h2 id="action-section-delete">Delete action</h2>
      {state.step === 'failed' && <ErrorAlert error={state.error} />}
      {state.step === 'confirming' || state.step === 'deleting' ? (
        <div class="confirm-box">
          <p id="action-delete-question">Delete {name}? Its calls stay in the execution log.</p>
          <div class="button-row">
            <button
              type="button"
              class="button button-danger"
              ref={confirmButton}
              aria-describedby="action-delete-question"
              disabled={state.step === 'deleting'}
              onClick={remove}
            >
              {state.step === 'deleting' ? 'Deleting…' : 'Delete the action'}
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
          Delete action
        </button>
      )}
    </section>
  );
}
