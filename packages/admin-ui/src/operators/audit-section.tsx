import { DateTime } from '../components/date-time';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import type { Resource } from '../hooks/use-resource';
import type { AuditEntry } from './operator-view';

/** The audit log: who changed what (field names, never values) and when. */
export function AuditSection({ audit, onRetry }: { audit: Resource<AuditEntry[]>; onRetry: () => void }) {
  return (
    <section class="form-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <div class="button-row">
        <button type="button" class="button button-secondary button-small" onClick={onRetry}>
          Refresh audit log
        </button>
      </div>
      {audit.status === 'loading' && <LoadingStatus label="Loading the audit log…" />}
      {audit.status === 'failed' && <ErrorAlert error={audit.error} onRetry={onRetry} />}
      {audit.status === 'ready' && audit.data.length === 0 && (
        <EmptyState title="No audit entries yet">
          <p>Changes to actions, agents, keys, operators and the tenant appear here.</p>
        </EmptyState>
      )}
      {audit.status === 'ready' && audit.data.length > 0 && (
        <div class="table-wrap">
          <table class="data-table audit-table">
            <caption class="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Event</th>
                <th scope="col">Target</th>
                <th scope="col">Fields</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="When">
                    <DateTime iso={entry.at} none="Unknown" />
                  </td>
                  <td data-label="Who" class="break-anywhere" title={entry.actor}>
                    {entry.actorLabel}
                  </td>
                  <td data-label="Event">{entry.event}</td>
                  <td data-label="Target" class="break-anywhere">
                    {entry.targetType} <code>{entry.targetId}</code>
                  </td>
                  <td data-label="Fields" class="break-anywhere">
                    {entry.fields.length === 0 ? (
                      <span class="secondary-text-inline">None</span>
                    ) : (
                      entry.fields.join(', ')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
