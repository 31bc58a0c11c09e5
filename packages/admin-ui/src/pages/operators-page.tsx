import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { AuditSection } from '../operators/audit-section';
import { CreateOperatorForm } from '../operators/create-operator-form';
import type { OperatorRow } from '../operators/operator-view';
import { disableOperator, listAudit, listOperators } from '../operators/operators-api';
import { disableButtonId, OperatorsTable } from '../operators/operators-table';
import { useApp } from '../session/app-context';
import '../styles/operators.css';

type DisableState =
  | { step: 'idle' }
  | { step: 'confirming'; row: OperatorRow }
  | { step: 'disabling'; row: OperatorRow }
  | { step: 'failed'; row: OperatorRow; error: unknown };

/** The operators (list, add, disable) and the audit log; the tenant's settings are on Settings. */
export function OperatorsPage() {
  const { client, session } = useApp();
  const loadOperators = useCallback(() => listOperators(client), [client]);
  const loadAudit = useCallback(() => listAudit(client), [client]);
  const { resource: operators, reload } = useResource(loadOperators);
  const { resource: audit, reload: reloadAudit } = useResource(loadAudit);
  const [disable, setDisable] = useState<DisableState>({ step: 'idle' });
  const [notice, setNotice] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusAfter = useRef<(() => void) | null>(null);

  useLayoutEffect(() => {
    if (disable.step === 'confirming') confirmButton.current?.focus();
    focusAfter.current?.();
    focusAfter.current = null;
  }, [disable.step]);

  const cancel = (row: OperatorRow) => {
    focusAfter.current = () => document.getElementById(disableButtonId(row.id))?.focus();
    setDisable({ step: 'idle' });
  };

  const confirm = async (row: OperatorRow) => {
    setDisable({ step: 'disabling', row });
    try {
      await disableOperator(client, row.id);
      setNotice(`The operator ${row.email} is disabled.`);
      focusAfter.current = () => noticeRef.current?.focus();
      setDisable({ step: 'idle' });
      reload();
      reloadAudit();
    } catch (error) {
      setDisable({ step: 'failed', row, error });
    }
  };

  const onCreated = (operator: OperatorRow) => {
    setNotice(`The operator ${operator.email} is added.`);
    noticeRef.current?.focus();
    reload();
    reloadAudit();
  };

  return (
    <>
      <PageTitle title="Operators">
        <p class="page-intro">
          Operators are the people who sign in to this app. Disabling one ends their sessions at once.
        </p>
      </PageTitle>
      <p class="form-status keys-notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      {(disable.step === 'confirming' || disable.step === 'disabling' || disable.step === 'failed') && (
        <div class="confirm-box">
          <p id="disable-question">
            Disable the operator {disable.row.email}? They are signed out everywhere and can no longer sign
            in. This cannot be undone here.
          </p>
          {disable.step === 'failed' && <ErrorAlert error={disable.error} />}
          <div class="button-row">
            <button
              type="button"
              class="button button-danger"
              ref={confirmButton}
              aria-describedby="disable-question"
              disabled={disable.step === 'disabling'}
              onClick={() => confirm(disable.row)}
            >
              {disable.step === 'disabling' ? 'Disabling…' : 'Disable the operator'}
            </button>
            <button type="button" class="button button-secondary" onClick={() => cancel(disable.row)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <section aria-labelledby="operators-list-title" class="keys-list">
        <h2 id="operators-list-title" class="visually-hidden">
          All operators
        </h2>
        {operators.status === 'loading' && <LoadingStatus label="Loading operators…" />}
        {operators.status === 'failed' && <ErrorAlert error={operators.error} onRetry={reload} />}
        {operators.status === 'ready' && operators.data.length === 0 && (
          <EmptyState title="No operators yet">
            <p>Add one with the form below.</p>
          </EmptyState>
        )}
        {operators.status === 'ready' && operators.data.length > 0 && (
          <OperatorsTable
            rows={operators.data}
            actor={session.actor}
            onScopesSaved={() => {
              reload();
              reloadAudit();
            }}
            onDisable={(row) => {
              setNotice('');
              setDisable({ step: 'confirming', row });
            }}
          />
        )}
      </section>
      <CreateOperatorForm client={client} onCreated={onCreated} />
      <AuditSection audit={audit} onRetry={reloadAudit} />
    </>
  );
}
