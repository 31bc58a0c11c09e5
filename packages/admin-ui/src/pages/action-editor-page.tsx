import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { buildPatch, createBody } from '../actions/action-bodies';
import { type ActionDraft, draftFromAction, emptyDraft } from '../actions/action-draft';
import { type ActionSection, problemCounts, sectionHref, sectionsFor } from '../actions/action-sections';
import type { ActionView } from '../actions/action-view';
import { createAction, getAction, updateAction } from '../actions/actions-api';
import { DeleteActionSection } from '../actions/delete-action-section';
import { ActionForm } from '../actions/form/action-form';
import { useActionForm } from '../actions/form/use-action-form';
import { newActionSecrets } from '../actions/one-time-secrets';
import { SectionNav } from '../actions/section-nav';
import { SecretPanel, SigningSecretSection } from '../actions/signing-secret';
import { TestConsole } from '../actions/test-console/test-console';
import { useSectionFocus } from '../actions/use-section-focus';
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
import '../styles/sections.css';

interface ActionEditorPageProps {
  /** `null` for a new action. */
  actionId: string | null;
  /** The operator has `webhooks:manage`: may save, rotate and test. */
  canManage: boolean;
  /** The section of the page in the URL (`/actions/:id/parameters`...). */
  section: ActionSection;
  /** The operator is an admin: may raise the tenant's action limit in Settings. */
  canChangeLimit: boolean;
}

/**
 * `/actions/new` and `/actions/:id`, in sections with URLs of their own: Definition, Parameters,
 * Auth & secrets, Conversation and (for a saved action) Test. One form holds every section: moving
 * between them keeps what was typed, and a save sends all of it.
 */
export function ActionEditorPage({ actionId, canManage, section, canChangeLimit }: ActionEditorPageProps) {
  const { client } = useApp();
  if (actionId === null) {
    return <NewAction client={client} section={section} canChangeLimit={canChangeLimit} />;
  }
  return <SavedAction client={client} id={actionId} canManage={canManage} section={section} />;
}

function BackLink() {
  return (
    <p class="back-link">
      <Link href="/actions">← All actions</Link>
    </p>
  );
}

/** A section the screen does not have (Test of a new action, or without `webhooks:manage`). */
function NoSuchSection({ base }: { base: string }) {
  return (
    <p class="empty-state">
      This section is not available here. <Link href={base}>Go to the definition</Link>.
    </p>
  );
}

const NEW_BASE = '/actions/new';

/** Shown when a create is refused because the tenant has as many actions as it may have. */
function LimitReached({ canChangeLimit }: { canChangeLimit: boolean }) {
  return (
    <p class="alert alert-warning">
      The tenant has as many actions as its limit allows.{' '}
      {canChangeLimit ? (
        // A new tab: this form keeps what was typed; create again once the limit is raised.
        <a href="/settings" target="_blank" rel="noopener">
          Raise the limit in Settings (new tab)
        </a>
      ) : (
        'An admin can raise the limit in Settings.'
      )}
    </p>
  );
}

function NewAction(props: { client: ApiClient; section: ActionSection; canChangeLimit: boolean }) {
  const { client, section } = props;
  const router = useRouter();
  const [baseline] = useState(emptyDraft);
  const form = useActionForm(() => baseline);
  const unsaved = useMemo(
    () => Object.keys(buildPatch(baseline, form.draft)).length > 0,
    [baseline, form.draft],
  );
  const releaseGuard = useLeaveGuard(unsaved, NEW_BASE);
  const reveal = useSectionFocus(NEW_BASE, section);
  const sections = sectionsFor({ saved: false, canManage: true });
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
      <div class="action-layout">
        <SectionNav
          base={NEW_BASE}
          sections={sections}
          current={section}
          counts={problemCounts(form.messages)}
        />
        <div class="action-section">
          {form.limitReached && <LimitReached canChangeLimit={props.canChangeLimit} />}
          {section === 'test' ? (
            <NoSuchSection base={NEW_BASE} />
          ) : (
            <ActionForm
              mode="create"
              section={section}
              reveal={reveal}
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
          )}
        </div>
      </div>
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

function SavedAction(props: { client: ApiClient; id: string; canManage: boolean; section: ActionSection }) {
  const { client, id, canManage } = props;
  const { search } = useLocation();
  const inUrl = canManage ? fromCallParam(search) : undefined;
  // Kept while moving between sections (whose links have no query string): a change of it would
  // load the action again and drop what was typed.
  const [fromCall, setFromCall] = useState(inUrl);
  useEffect(() => {
    if (inUrl !== undefined) setFromCall(inUrl);
  }, [inUrl]);
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
      section={props.section}
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
  section: ActionSection;
  secret: string | undefined;
  onSecretSeen: () => void;
  prefill: Prefill | undefined;
}) {
  const { client, canManage, section, prefill } = props;
  const router = useRouter();
  const { search } = useLocation();
  const [view, setView] = useState(props.initial);
  const [baseline, setBaseline] = useState<ActionDraft>(() => draftFromAction(props.initial));
  const form = useActionForm(() => baseline);
  const base = `/actions/${encodeURIComponent(view.id)}`;
  const unsaved = useMemo(
    () => Object.keys(buildPatch(baseline, form.draft)).length > 0,
    [baseline, form.draft],
  );
  // Saving sets the baseline to what was saved, so the guard has nothing more to ask.
  const releaseGuard = useLeaveGuard(canManage && unsaved, base);
  const reveal = useSectionFocus(base, section);
  const sections = sectionsFor({ saved: true, canManage });
  const available = sections.some((entry) => entry.key === section);

  // The log's "Open in test console" used to link to the action itself: its values belong to Test.
  useEffect(() => {
    if (prefill !== undefined && section !== 'test' && canManage) {
      router.navigate(`${sectionHref(base, 'test')}${search}`, { replace: true });
    }
  }, [prefill, section, canManage, base, search, router]);

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
          {unsaved && canManage && <span class="unsaved-note"> · Unsaved changes</span>}
        </p>
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
      <div class="action-layout">
        <SectionNav base={base} sections={sections} current={section} counts={problemCounts(form.messages)} />
        <div class="action-section">
          {!available && <NoSuchSection base={base} />}
          {available && section !== 'test' && (
            <ActionForm
              mode="edit"
              section={section}
              reveal={reveal}
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
          )}
          {available && section === 'auth' && canManage && (
            <SigningSecretSection client={client} actionId={view.id} />
          )}
          {available && section === 'test' && (
            <TestConsole client={client} action={view} unsaved={unsaved} prefill={prefill} />
          )}
          {available && section === 'definition' && canManage && (
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
        </div>
      </div>
    </>
  );
}
