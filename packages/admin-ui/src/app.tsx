import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { createApiClient } from './api/api-client';
import { currentSession, type Session, signOut } from './api/session-api';
import { visiblePages } from './app-pages';
import { ErrorAlert } from './components/error-alert';
import { LoadingStatus } from './components/loading-status';
import { AppLayout } from './layout/app-layout';
import { PageSwitch } from './page-switch';
import { SignInPage } from './pages/sign-in-page';
import type { HistoryRouter } from './router/history-router';
import { RouterContext, useLocation } from './router/router-context';
import { AppContext } from './session/app-context';

type SessionState =
  | { status: 'checking' }
  | { status: 'failed'; error: unknown }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; session: Session };

/** The app: finds out who is signed in, then shows the sign-in page or the signed-in pages. */
export function App({ router }: { router: HistoryRouter }) {
  return (
    <RouterContext.Provider value={router}>
      <SessionGate />
    </RouterContext.Provider>
  );
}

function SessionGate() {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const client = useMemo(
    () =>
      createApiClient({
        onUnauthenticated: () =>
          setState({ status: 'signed-out', notice: 'Your session has ended. Sign in again.' }),
      }),
    [],
  );

  // `attempt` changes on "Try again", which checks again.
  useEffect(() => {
    let current = true;
    currentSession(client).then(
      (session) => current && setState(session ? { status: 'signed-in', session } : { status: 'signed-out' }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  const endSession = useCallback(async () => {
    await signOut(client);
    setState({ status: 'signed-out', notice: 'You have signed out.' });
  }, [client]);

  const context = useMemo(
    () => (state.status === 'signed-in' ? { client, session: state.session, signOut: endSession } : null),
    [client, state, endSession],
  );

  if (state.status === 'checking') {
    return (
      <main id="main" class="sign-in">
        <LoadingStatus label="Loading…" />
      </main>
    );
  }
  if (state.status === 'failed') {
    return (
      <main id="main" class="sign-in">
        <ErrorAlert error={state.error} onRetry={() => setAttempt((count) => count + 1)} />
      </main>
    );
  }
  if (state.status === 'signed-out' || context === null) {
    return (
      <SignInPage
        client={client}
        notice={state.status === 'signed-out' ? state.notice : undefined}
        onSignedIn={(session) => setState({ status: 'signed-in', session })}
      />
    );
  }
  return (
    <AppContext.Provider value={context}>
      <SignedInApp session={context.session} onSignOut={endSession} />
    </AppContext.Provider>
  );
}

function SignedInApp({ session, onSignOut }: { session: Session; onSignOut: () => Promise<void> }) {
  const location = useLocation();
  const pages = visiblePages(session.scopes);
  return (
    <AppLayout pages={pages} currentPath={location.path} onSignOut={onSignOut}>
      <PageSwitch path={location.path} scopes={session.scopes} />
    </AppLayout>
  );
}
