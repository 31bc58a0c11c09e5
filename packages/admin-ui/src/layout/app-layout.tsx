import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppPage } from '../app-pages';
import { ErrorAlert } from '../components/error-alert';
import { MainNav } from './main-nav';

interface AppLayoutProps {
  pages: readonly AppPage[];
  currentPath: string;
  onSignOut: () => Promise<void>;
  children: ComponentChildren;
}

/** The frame of every signed-in page: skip link, header with navigation and sign-out, main. */
export function AppLayout({ pages, currentPath, onSignOut, children }: AppLayoutProps) {
  const main = useRef<HTMLElement>(null);
  const navigated = useRef(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);

  // After a navigation (not on the first page shown), move focus to the new page's heading so
  // that screen readers announce it; unless focus is still on something in the page that stayed
  // (a section link of the action page, a field the page moved focus to on purpose).
  useEffect(() => {
    if (!navigated.current) {
      navigated.current = true;
      return;
    }
    const focused = document.activeElement;
    const kept =
      focused instanceof HTMLElement && focused !== main.current && main.current?.contains(focused);
    if (!kept) main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [currentPath]);

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await onSignOut();
    } catch (error) {
      setSignOutError(error);
      setSigningOut(false);
    }
  };

  return (
    <div class="app-shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <span class="brand">Toolgate</span>
        <MainNav pages={pages} currentPath={currentPath} />
        <button
          type="button"
          class="button button-secondary sign-out"
          onClick={signOut}
          disabled={signingOut}
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      <main id="main" class="app-main" ref={main} tabIndex={-1}>
        {signOutError !== null && <ErrorAlert error={signOutError} />}
        {children}
      </main>
    </div>
  );
}
