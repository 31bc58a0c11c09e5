import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ActionRow } from '../actions/action-rows';
import { listActions } from '../actions/actions-api';
import { createOneTimeSecrets } from '../actions/one-time-secrets';
import { SecretPanel, SigningSecretSection } from '../actions/signing-secret';
import {
  type AgentDraft,
  buildAgentPatches,
  createBody,
  draftFromAgent,
  emptyAgentDraft,
} from '../agents/agent-draft';
import { AgentForm } from '../agents/agent-form';
import type { AgentView } from '../agents/agent-view';
import { createAgent, deleteAgent, getAgent, rotateAgentSecret, updateAgent } from '../agents/agents-api';
import { McpServersSection } from '../agents/mcp-servers-section';
import { useAgentForm } from '../agents/use-agent-form';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { DeleteSection } from '../components/delete-section';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { type Resource, useResource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { useRouter } from '../router/router-context';
import { useLeaveGuard } from '../router/use-leave-guard';
import { useApp } from '../session/app-context';

/** Signing secrets of agents just created, handed from the create form to the agent's page once. */
const newAgentSecrets = createOneTimeSecrets();

interface AgentEditorPageProps {
  /** `null` for a new agent. */
  agentId: string | null;
  /** The operator has `agents:manage`: may save, rotate and delete. */
  canManage: boolean;
}

/** `/agents/new` and `/agents/:id`: the agent's settings, its signing secret and Delete. */
export function AgentEditorPage({ agentId, canManage }: AgentEditorPageProps) {
  const { client } = useApp();
  // The action checklist; a key without webhooks:read cannot list them, which the form tells.
  const loadActions = useCallback(() => listActions(client), [client]);
  const { resource: actions } = useResource(loadActions);
  if (agentId === null) return <NewAgent client={client} actions={actions} />;
  return <SavedAgent client={client} id={agentId} canManage={canManage} actions={actions} />;
}

type ActionsResource = Resource<ActionRow[]>;

function BackLink() {
  return (
    <p class="back-link">
      <Link href="/agents">← All agents</Link>
    </p>
  );
}

function NewAgent({ client, actions }: { client: ApiClient; actions: ActionsResource }) {
  const router = useRouter();
  const [baseline] = useState(emptyAgentDraft);
  const form = useAgentForm(() => baseline);
  const unsaved = useMemo(() => buildAgentPatches(baseline, form.draft).length > 0, [baseline, form.draft]);
  const releaseGuard = useLeaveGuard(unsaved);
  const onSubmit = () =>
    form.save(async (draft) => {
      const created = await createAgent(client, createBody(draft));
      newAgentSecrets.put(created.agent.id, created.signingSecret);
      releaseGuard();
      router.navigate(`/agents/${encodeURIComponent(created.agent.id)}`, { replace: true });
    });
  return (
    <>
      <BackLink />
      <PageTitle title="New agent">
        <p class="page-intro">Its webhook signing secret is shown once, after creating it.</p>
      </PageTitle>
      <AgentForm
        mode="create"
        baseline={baseline}
        draft={form.draft}
        change={form.change}
        messages={form.messages}
        formMessages={form.formMessages}
        actions={actions}
        saving={form.saving}
        readOnly={false}
        notice={form.notice}
        summaryRef={form.summaryRef}
        onSubmit={onSubmit}
      />
    </>
  );
}

function SavedAgent(props: { client: ApiClient; id: string; canManage: boolean; actions: ActionsResource }) {
  const { client, id } = props;
  const load = useCallback(() => getAgent(client, id), [client, id]);
  const { resource, reload } = useResource(load);
  const [secret, setSecret] = useState(() => newAgentSecrets.take(id));

  if (resource.status !== 'ready') {
    const missing =
      resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
    return (
      <>
        <BackLink />
        <PageTitle title={missing ? 'Agent not found' : 'Agent'} />
        {resource.status === 'loading' && <LoadingStatus label="Loading the agent…" />}
        {resource.status === 'failed' &&
          (missing ? (
            <p class="empty-state">There is no agent with this id. It may have been deleted.</p>
          ) : (
            <ErrorAlert error={resource.error} onRetry={reload} />
          ))}
      </>
    );
  }
  return (
    <EditAgent {...props} initial={resource.data} secret={secret} onSecretSeen={() => setSecret(undefined)} />
  );
}

function EditAgent(props: {
  client: ApiClient;
  initial: AgentView;
  canManage: boolean;
  actions: ActionsResource;
  secret: string | undefined;
  onSecretSeen: () => void;
}) {
  const { client, canManage } = props;
  const [view, setView] = useState(props.initial);
  const [baseline, setBaseline] = useState<AgentDraft>(() => draftFromAgent(props.initial));
  const form = useAgentForm(() => baseline);
  const unsaved = useMemo(() => buildAgentPatches(baseline, form.draft).length > 0, [baseline, form.draft]);
  // Saving sets the baseline to what was saved, so the guard has nothing more to ask.
  const releaseGuard = useLeaveGuard(canManage && unsaved);

  const onSubmit = () =>
    form.save(async (draft) => {
      const patches = buildAgentPatches(baseline, draft);
      if (patches.length === 0) {
        form.setNotice('There are no changes to save.');
        return;
      }
      let updated = view;
      for (const patch of patches) updated = await updateAgent(client, view.id, patch);
      const next = draftFromAgent(updated);
      setView(updated);
      setBaseline(next);
      form.reset(next);
      form.setNotice('Saved.');
    });

  return (
    <>
      <BackLink />
      <PageTitle title={view.name}>
        <p class="page-intro">
          <code>{view.id}</code>
        </p>
      </PageTitle>
      {props.secret !== undefined && (
        <SecretPanel
          title="The agent is created: here is its signing secret"
          secret={props.secret}
          onDismiss={() => {
            props.onSecretSeen();
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        />
      )}
      <AgentForm
        mode="edit"
        baseline={baseline}
        draft={form.draft}
        change={form.change}
        messages={form.messages}
        formMessages={form.formMessages}
        actions={props.actions}
        saving={form.saving}
        readOnly={!canManage}
        notice={form.notice}
        summaryRef={form.summaryRef}
        onSubmit={onSubmit}
      />
      <McpServersSection client={client} agentId={view.id} canManage={canManage} />
      {canManage && (
        <SigningSecretSection
          client={client}
          actionId={view.id}
          rotate={() => rotateAgentSecret(client, view.id)}
          intro="The webhook trigger's events are signed (Standard Webhooks headers). The secret was shown once, when the agent was created. If it was lost or leaked, rotate it."
        />
      )}
      {canManage && <DeleteAgentSection client={client} agent={view} onDeleted={releaseGuard} />}
    </>
  );
}

/** Delete, after a confirmation that names what goes with the agent. */
function DeleteAgentSection({
  client,
  agent,
  onDeleted,
}: {
  client: ApiClient;
  agent: AgentView;
  /** Before leaving: the unsaved-changes question no longer applies. */
  onDeleted: () => void;
}) {
  const router = useRouter();
  return (
    <DeleteSection
      idPrefix="agent"
      title="Delete agent"
      question={`Delete ${agent.name} and its conversations? Their calls stay in the log. This cannot be undone.`}
      confirmLabel="Delete the agent"
      remove={() => deleteAgent(client, agent.id)}
      onDeleted={() => {
        onDeleted();
        router.navigate('/agents');
      }}
    />
  );
}
