import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { listAgents } from '../chat/chat-api';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { CreateKeyForm } from '../keys/create-key-form';
import type { ApiKeyRow, CreatedKey } from '../keys/key-view';
import { listKeys, revokeKey } from '../keys/keys-api';
import { KeysTable, revokeButtonId } from '../keys/keys-table';
import { NewKeyPanel } from '../keys/new-key-panel';
import { useApp } from '../session/app-context';

type RevokeState =
  | { step: 'idle' }
  | { step: 'confirming'; row: ApiKeyRow }
  | { step: 'revoking'; row: ApiKeyRow }
  | { step: 'failed'; row: ApiKeyRow; error: unknown };

/** The tenant's API keys: list, create (value shown once) and revoke. */
export function KeysPage() {
  const { client } = useApp();
  const loadKeys = useCallback(() => listKeys(client), [client]);
  const loadAgents = useCallback(() => listAgents(client), [client]);
  const { resource: keys, reload } = useResource(loadKeys);
  const { resource: agents } = useResource(loadAgents);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoke, setRevoke] = useState<RevokeState>({ step: 'idle' });
  const [notice, setNotice] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusAfter = useRef<(() => void) | null>(null);

  const agentNames = useMemo(
    () => new Map(agents.status === 'ready' ? agents.data.map((agent) => [agent.id, agent.name]) : []),
    [agents],
  );

  useLayoutEffect(() => {
    if (revoke.step === 'confirming') confirmButton.current?.focus();
    focusAfter.current?.();
    focusAfter.current = null;
  }, [revoke.step]);

  const cancel = (row: ApiKeyRow) => {
    focusAfter.current = () => document.getElementById(revokeButtonId(row.id))?.focus();
    setRevoke({ step: 'idle' });
  };

  const confirm = async (row: ApiKeyRow) => {
    setRevoke({ step: 'revoking', row });
    try {
      await revokeKey(client, row.id);
      setNotice(`The key “${row.name}” is revoked.`);
      focusAfter.current = () => noticeRef.current?.focus();
      setRevoke({ step: 'idle' });
      reload();
    } catch (error) {
      setRevoke({ step: 'failed', row, error });
    }
  };

  const onCreated = (key: CreatedKey) => {
    setNotice('');
    setCreated(key);
    reload();
  };

  return (
    <>
      <PageTitle title="Keys">
        <p class="page-intro">
          API keys let programs and the chat widget call Toolgate. A key's value is shown once, when it is
          created.
        </p>
      </PageTitle>
      {created && (
        <NewKeyPanel
          key={created.key.id}
          created={created}
          serverOrigin={window.location.origin}
          agentName={created.key.widget ? agentNames.get(created.key.widget.agentId) : undefined}
          onDismiss={() => {
            setCreated(null);
            document.getElementById('key-name')?.focus();
          }}
        />
      )}
      <p class="form-status keys-notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      {(revoke.step === 'confirming' || revoke.step === 'revoking' || revoke.step === 'failed') && (
        <div class="confirm-box">
          <p id="revoke-question">
            Revoke the key “{revoke.row.name}” (<code>{revoke.row.prefix}…</code>)? Programs and widgets using
            it stop working at once. This cannot be undone.
          </p>
          {revoke.step === 'failed' && <ErrorAlert error={revoke.error} />}
          <div class="button-row">
            <button
              type="button"
              class="button button-danger"
              ref={confirmButton}
              aria-describedby="revoke-question"
              disabled={revoke.step === 'revoking'}
              onClick={() => confirm(revoke.row)}
            >
              {revoke.step === 'revoking' ? 'Revoking…' : 'Revoke the key'}
            </button>
            <button type="button" class="button button-secondary" onClick={() => cancel(revoke.row)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <section aria-labelledby="keys-list-title" class="keys-list">
        <h2 id="keys-list-title" class="visually-hidden">
          All keys
        </h2>
        {keys.status === 'loading' && <LoadingStatus label="Loading keys…" />}
        {keys.status === 'failed' && <ErrorAlert error={keys.error} onRetry={reload} />}
        {keys.status === 'ready' && keys.data.length === 0 && (
          <EmptyState title="No keys yet">
            <p>Create one with the form below.</p>
          </EmptyState>
        )}
        {keys.status === 'ready' && keys.data.length > 0 && (
          <KeysTable
            rows={keys.data}
            agentNames={agentNames}
            onRevoke={(row) => {
              setNotice('');
              setRevoke({ step: 'confirming', row });
            }}
          />
        )}
      </section>
      <CreateKeyForm client={client} agents={agents} onCreated={onCreated} />
    </>
  );
}
