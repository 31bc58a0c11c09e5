import { useLayoutEffect, useRef } from 'preact/hooks';
import { asSentence } from '../components/field-text';
import { Link } from '../router/link';
import type { ImportWizard } from './use-import-wizard';

/**
 * Step 4: the actions created (each a link to its page, its signing secret shown this once) and
 * the operations not created, with the server's reason for each.
 */
export function ResultStep({ wizard }: { wizard: ImportWizard }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const { result } = wizard;
  if (!result) return null;
  const { created, skipped } = result;
  return (
    <section class="form-section import-step" aria-labelledby="import-result-title">
      <h2 id="import-result-title" tabIndex={-1} ref={heading}>
        {created.length === 0
          ? 'No action was created'
          : `Created ${created.length} ${created.length === 1 ? 'action' : 'actions'}`}
      </h2>
      {created.length > 0 && (
        <>
          <p class="section-intro">
            Each action signs its requests with its own secret, shown here this once (it can be rotated on the
            action's page). Agents use an action once it is in their list, or when they use every enabled
            action.
          </p>
          <ul class="import-created" aria-label="Created actions">
            {created.map((entry) => (
              <li key={entry.id}>
                <Link href={`/actions/${encodeURIComponent(entry.id)}`} class="action-link">
                  <code class="action-name">{entry.name}</code>
                </Link>
                <details>
                  <summary>Signing secret of {entry.name} (shown once)</summary>
                  <div class="secret-box">
                    <code class="secret-text">{entry.signingSecret}</code>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <div class="alert alert-warning">
          <p>
            {skipped.length} {skipped.length === 1 ? 'operation was' : 'operations were'} not created:
          </p>
          <ul aria-label="Not created">
            {skipped.map((entry) => (
              <li key={entry.name}>
                <code>{entry.name}</code>: {asSentence(entry.reason)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="button-row">
        <Link href="/actions" class="button button-primary">
          Back to the actions
        </Link>
        <button type="button" class="button button-secondary" onClick={wizard.restart}>
          Import another document
        </button>
      </div>
    </section>
  );
}
