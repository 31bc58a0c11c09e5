import { hasScope, type Scope } from './auth/scopes';
import { matchRoute, type RouteMatch } from './router/match-route';

export type PageKey = 'actions' | 'agents' | 'chat' | 'calls' | 'keys' | 'operators';

/** A page of the main navigation and the scope an operator needs to see it. */
export interface AppPage {
  key: PageKey;
  path: string;
  label: string;
  /** The scope of the API the page reads; the server checks it again on every request. */
  scope: Scope;
  /** One line on what the page is for. */
  summary: string;
}

/** The main navigation, in its order. */
export const APP_PAGES: readonly AppPage[] = [
  {
    key: 'actions',
    path: '/actions',
    label: 'Actions',
    scope: 'webhooks:read',
    summary: 'The HTTP endpoints your agents may call.',
  },
  {
    key: 'agents',
    path: '/agents',
    label: 'Agents',
    scope: 'agents:read',
    summary: 'Model settings, the actions each agent uses, limits and messages.',
  },
  {
    key: 'chat',
    path: '/chat',
    label: 'Chat',
    scope: 'chat',
    summary: 'Talk to an agent and watch its action calls as they happen.',
  },
  {
    key: 'calls',
    path: '/calls',
    label: 'Calls',
    scope: 'webhooks:read',
    summary: 'Every action call: request, response and what the model saw.',
  },
  {
    key: 'keys',
    path: '/keys',
    label: 'Keys',
    scope: 'admin',
    summary: 'API keys: create, list and revoke.',
  },
  {
    key: 'operators',
    path: '/operators',
    label: 'Operators',
    scope: 'admin',
    summary: 'The people who sign in here, and what each may do.',
  },
];

/** The pages the scopes allow, in navigation order. */
export function visiblePages(scopes: readonly string[]): AppPage[] {
  return APP_PAGES.filter((page) => hasScope(scopes, page.scope));
}

/** Where `/` leads: the first page the scopes allow, or `null` when none is allowed. */
export function homePath(scopes: readonly string[]): string | null {
  return visiblePages(scopes)[0]?.path ?? null;
}

const ROUTES = APP_PAGES.map((page) => ({ key: page.key, pattern: page.path }));

/** The page at a path (whether or not the scopes allow it), with its route parameters. */
export function pageAt(path: string): { page: AppPage; match: RouteMatch<PageKey> } | null {
  const match = matchRoute(ROUTES, path);
  const page = match && APP_PAGES.find((candidate) => candidate.key === match.key);
  return match && page ? { page, match } : null;
}
