import { describeError } from '../api/describe-error';

/** An announced error with an optional "Try again" button. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="alert alert-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
