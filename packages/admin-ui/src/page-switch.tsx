import { useEffect } from 'preact/hooks';
import { sectionFromSlug } from './actions/action-sections';
import { homePath, pageAt } from './app-pages';
import { hasScope } from './auth/scopes';
import { LoadingStatus } from './components/loading-status';
import { ActionEditorPage } from './pages/action-editor-page';
import { ActionsPage } from './pages/actions-page';
import { AgentEditorPage } from './pages/agent-editor-page';
import { AgentsPage } from './pages/agents-page';
import { CallDetailPage } from './pages/call-detail-page';
import { CallsPage } from './pages/calls-page';
import { ChannelsPage } from './pages/channels-page';
import { ChatPage } from './pages/chat-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { DeliveriesPage } from './pages/deliveries-page';
import { ImportOpenApiPage } from './pages/import-openapi-page';
import { KeysPage } from './pages/keys-page';
import { MessagePage } from './pages/message-page';
import { OperatorsPage } from './pages/operators-page';
import { SettingsPage } from './pages/settings-page';
import { SubscriptionsPage } from './pages/subscriptions-page';
import { useRouter } from './router/router-context';

/** `/` leads to the first page the operator may see. */
function RedirectHome({ to }: { to: string }) {
  const router = useRouter();
  useEffect(() => router.navigate(to, { replace: true }), [router, to]);
  return <LoadingStatus label="Opening…" />;
}

/** The page for the path: the page itself, or why it cannot be shown. */
export function PageSwitch({ path, scopes }: { path: string; scopes: readonly string[] }) {
  const home = homePath(scopes);
  if (path === '/') {
    if (home !== null) return <RedirectHome to={home} />;
    return (
      <MessagePage title="Nothing to show yet">
        <p>Your account has no permission for any page of this app. Ask an admin to give you one.</p>
      </MessagePage>
    );
  }
  const found = pageAt(path);
  if (found === null) {
    return (
      <MessagePage title="Page not found" homePath={home}>
        <p>There is no page at {path}.</p>
      </MessagePage>
    );
  }
  if (!hasScope(scopes, found.scope)) {
    return (
      <MessagePage title={`No access to ${found.page.label}`} homePath={home}>
        <p>
          This page needs the <code>{found.scope}</code> permission. Ask an admin to give it to you.
        </p>
      </MessagePage>
    );
  }
  const { key, params } = found.match;
  const canManage = hasScope(scopes, 'webhooks:manage');
  if (
    key === 'action-new' ||
    key === 'action-new-section' ||
    key === 'action-edit' ||
    key === 'action-section'
  ) {
    const section = sectionFromSlug(params.section);
    if (section === null) {
      return (
        <MessagePage title="Page not found" homePath={home}>
          <p>There is no page at {path}.</p>
        </MessagePage>
      );
    }
    // One key per action, whatever the section: moving between sections keeps the form as typed.
    const isNew = key === 'action-new' || key === 'action-new-section';
    return (
      <ActionEditorPage
        key={isNew ? 'new' : params.id}
        actionId={isNew ? null : (params.id ?? '')}
        canManage={canManage}
        section={section}
        canChangeLimit={hasScope(scopes, 'admin')}
      />
    );
  }
  if (key === 'action-import') return <ImportOpenApiPage />;
  if (key === 'actions') {
    return <ActionsPage canManage={canManage} canChangeLimit={hasScope(scopes, 'admin')} />;
  }
  if (key === 'agents') return <AgentsPage canManage={hasScope(scopes, 'agents:manage')} />;
  if (key === 'agent-new' || key === 'agent-edit') {
    const id = key === 'agent-new' ? null : (params.id ?? '');
    return <AgentEditorPage key={id ?? 'new'} agentId={id} canManage={hasScope(scopes, 'agents:manage')} />;
  }
  if (key === 'calls') return <CallsPage />;
  if (key === 'call-detail') {
    return <CallDetailPage key={params.id} callId={params.id ?? ''} canTest={canManage} />;
  }
  if (key === 'chat') return <ChatPage />;
  if (key === 'channels') return <ChannelsPage canManage={hasScope(scopes, 'agents:manage')} />;
  if (key === 'subscriptions') return <SubscriptionsPage canManage={hasScope(scopes, 'events:manage')} />;
  if (key === 'deliveries') return <DeliveriesPage canManage={hasScope(scopes, 'events:manage')} />;
  if (key === 'keys') return <KeysPage />;
  if (key === 'operators') return <OperatorsPage />;
  if (key === 'settings') return <SettingsPage />;
  return <ComingSoonPage page={found.page} />;
}
