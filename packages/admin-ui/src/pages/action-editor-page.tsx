import { useCallback, useMemo, useState } from 'preact/hooks';
import { buildPatch, createBody } from '../actions/action-bodies';
import { type ActionDraft, draftFromAction, emptyDraft } from '../actions/action-draft';
import type { ActionView } from '../actions/action-view';
import { createAction, getAction, updateAction } from '../actions/actions-api';
import { DeleteActionSection } from '../actions/delete-action-section';
import { ActionForm } from '../actions/form/action-form';
import { useActionForm } from '../actions/form/use-action-form';
import { newActionSecrets } from '../actions/one-time-secrets';
import { SecretPanel, SigningSecretSection } from '../actions/signing-secret';
import { TestConsole } from '../actions/test-console/test-console';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import { getCall } from '../calls/calls-api';
import { type ConsolePrefill, consolePrefill, fromCallParam } from '../calls/console-prefill';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { useLocation, useRouter } from '../router/router-context';
import { useLeaveGuard } from '../router/use-leave-guard';
import { useApp } from '../session/app-context';

interface ActionEditorPageProps {
  /** `null` for a new action. */
  actionId: string | null;
  /** The operator has `webhooks:manage`: may save, rotate and test. */
  canManage: boolean;
}

/** `/actions/new` and `/actions/:id`: the action form, its signing secret and the test console. */
export function ActionEditorPage({ actionId, canManage }: ActionEditorPageProps) {
  const { client } = useApp();
  if (actionId === null) return <NewAction client={client} />;
  return <SavedAction client={client} id={actionId} canManage={canManage} />;
}

function BackLink() {
  return (
    <p class="back-link">
      <Link href="/actions">← All actions</Link>
    </p>
  );
}

function NewAction({ client }: { client: ApiClient }) {
  const router = useRouter();
  const [baseline] = useState(emptyDraft);
  const form = useActionForm(() => baseline);
  const unsaved = useMemo(
    () => Object.keys(buildPatch(baseline, form.draft)).length > 0,
    [baseline, form.draft],
  );
  const releaseGuard = useLeaveGuard(unsaved);
  const onSubmit = () =>
    form.save(async (draft) => {
      const created = await createAction(client, createBody(draft));
      // The action's page shows the secret once; it is never kept anywhere else.
      newActionSecrets.put(created.action.id, created.signingSecret);
      releaseGuard();
      router.navigate(`/actions/${encodeURIComponent(created.action.id)}`, { replace: true });
    });
  return (
    <>
      <BackLink />
      <PageTitle title="New action">
        <p class="page-intro">
          An HTTP endpoint of yours that agents may call. Its signing secret is shown once, after creating it.
        </p>
      </PageTitle>
      <ActionForm
        mode="create"
        draft={form.draft}
        change={form.change}
        messages={form.messages}
        formMessages={form.formMessages}
        saving={form.saving}
        readOnly={false}
        notice={form.notice}
        summaryRef={form.summaryRef}
        onSubmit={onSubmit}
      />
    </>
  );
}

type Prefill = ConsolePrefill & { callId: string };

/**
 * The action, and with `?fromCall=` (the log's "Open in test console") the test console's values
 * from that call; a call that cannot be read only leaves a note, never an error page.
 */
async function loadAction(
  client: ApiClient,
  id: string,
  fromCall: string | undefined,
): Promise<{ view: ActionView; prefill?: Prefill }> {
  const [view, call] = await Promise.all([
    getAction(client, id),
    fromCall === undefined ? undefined : getCall(client, fromCall).catch((error: unknown) => ({ error })),
  ]);
  if (fromCall === undefined || call === undefined) return { view };
  const prefill =
    'error' in call
      ? {
          values: {},
          note: `Could not load call ${fromCall} to fill in its parameters. ${describeError(call.error)}`,
        }
      : consolePrefill(call, view);
  return { view, prefill: { ...prefill, callId: fromCall } };
}

function SavedAction({ client, id, canManage }: { client: ApiClient; id: string; canManage: boolean }) {
  const { search } = useLocation();
  const fromCall = canManage ? fromCallParam(search) : undefined;
  const load = useCallback(() => loadAction(client, id, fromCall), [client, id, fromCall]);
  const { resource, reload } = useResource(load);
  // A just-created action's secret, handed over by the create form: shown this once.
  const [secret, setSecret] = useState(() => newActionSecrets.take(id));

  if (resource.status !== 'ready') {
    const missing =
      resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
    return (
      <>
        <BackLink />
        <PageTitle title={missing ? 'Action not found' : 'Action'} />
        {resource.status === 'loading' && <LoadingStatus label="Loading the action…" />}
        {resource.status === 'failed' &&
          (missing ? (
            <p class="empty-state">There is no action with this id. It may have been deleted.</p>
          ) : (
            <ErrorAlert error={resource.error} onRetry={reload} />
          ))}
      </>
    );
  }
  return (
    <EditAction
      client={client}
      initial={resource.data.view}
      prefill={resource.data.prefill}
      canManage={canManage}
      secret={secret}
      onSecretSeen={() => setSecret(undefined)}
    />
  );
}

function titleOf(view: ActionView): string {
  const { displayName, name } = view.definition;
  return typeof displayName === 'string' && displayName !== '' ? displayName : String(name);
}

function EditAction(props: {
  client: ApiClient;
  initial: ActionView;
  canManage: boolean;
  secret: string | undefined;
  onSecretSeen: () => void;
  prefill: Prefill | undefined;
}) {
  const { client, canManage } = props;
  const router = useRouter();
  const [view, setView] = useState(props.initial);
  const [baseline, setBaseline] = useState<ActionDraft>(() => draftFromAction(props.initial));
  const form = useActionForm(() => baseline);
  const unsaved = useMemo(
    () => Object.keys(buildPatch(baseline, form.draft)).length > 0,
    [baseline, form.draft],
  );
  // Saving sets the baseline to what was saved, so the guard has nothing more to ask.
  const releaseGuard = useLeaveGuard(canManage && unsaved);

  const onSubmit = () =>
    form.save(async (draft) => {
      const patch = buildPatch(baseline, draft);
      if (Object.keys(patch).length === 0) {
        form.setNotice('There are no changes to save.');
        return;
      }
      const updated = await updateAction(client, view.id, patch);
      const next = draftFromAction(updated);
      // Stay on the tab the operator was using.
      if (draft.parameters.tab === 'json') next.parameters = { ...next.parameters, tab: 'json' };
      setView(updated);
      setBaseline(next);
      form.reset(next);
      form.setNotice('Saved.');
    });

  return (
    <>
      <BackLink />
      <PageTitle title={titleOf(view)}>
        <p class="page-intro">
          <code>{String(view.definition.name)}</code> · {view.enabled ? 'Enabled' : 'Disabled'}
        </p>
        {canManage && (
          <nav aria-label="On this page" class="page-nav">
            <a href="#section-basics">Settings</a>
            <a href="#section-signing">Signing secret</a>
            <a href="#section-test">Test console</a>
          </nav>
        )}
      </PageTitle>
      {props.secret !== undefined && (
        <SecretPanel
          title="The action is created: here is its signing secret"
          secret={props.secret}
          onDismiss={() => {
            props.onSecretSeen();
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        />
      )}
      <ActionForm
        mode="edit"
        draft={form.draft}
        change={form.change}
        messages={form.messages}
        formMessages={form.formMessages}
        saving={form.saving}
        readOnly={!canManage}
        notice={form.notice}
        summaryRef={form.summaryRef}
        onSubmit={onSubmit}
      />
      {canManage && <SigningSecretSection client={client} actionId={view.id} />}
      {canManage && <TestConsole client={client} action={view} unsaved={unsaved} prefill={props.prefill} />}
      {canManage && (
        <DeleteActionSection
          client={client}
          actionId={view.id}
          name={titleOf(view)}
          onDeleted={() => {
            releaseGuard();
            router.navigate('/actions');
          }}
        />
      )}
    </>
  );
}
