import { hasScope, type Scope } from './auth/scopes';
import { matchRoute, type RouteDefinition, type RouteMatch } from './router/match-route';

export type PageKey =
  | 'actions'
  | 'agents'
  | 'chat'
  | 'calls'
  | 'subscriptions'
  | 'deliveries'
  | 'channels'
  | 'keys'
  | 'operators'
  | 'settings';

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
    key: 'subscriptions',
    path: '/subscriptions',
    label: 'Subscriptions',
    scope: 'events:read',
    summary: "Your endpoints for the tenant's events, signed and retried.",
  },
  {
    key: 'deliveries',
    path: '/deliveries',
    label: 'Deliveries',
    scope: 'events:read',
    summary: 'The delivery queue: dead letters, each attempt, replay.',
  },
  {
    key: 'channels',
    path: '/channels',
    label: 'Channels',
    scope: 'agents:read',
    summary: 'Inbound channels: webhooks and SMS that reach an agent.',
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
  {
    key: 'settings',
    path: '/settings',
    label: 'Settings',
    scope: 'admin',
    summary: "The tenant's name and how many actions it may have.",
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

/** Screens inside a page of the navigation, each with the scope it needs beyond the page's own. */
export type SubRouteKey =
  | 'action-new'
  | 'action-new-section'
  | 'action-import'
  | 'action-edit'
  | 'action-section'
  | 'agent-new'
  | 'agent-edit'
  | 'call-detail';
export type RouteKey = PageKey | SubRouteKey;

const SUB_ROUTES: readonly { key: SubRouteKey; pattern: string; page: PageKey; scope?: Scope }[] = [
  // Before `/actions/:id`, so that "new" is not taken for an id.
  { key: 'action-new', pattern: '/actions/new', page: 'actions', scope: 'webhooks:manage' },
  { key: 'action-new-section', pattern: '/actions/new/:section', page: 'actions', scope: 'webhooks:manage' },
  // The OpenAPI import wizard; like "new", before `/actions/:id`.
  { key: 'action-import', pattern: '/actions/import', page: 'actions', scope: 'webhooks:manage' },
  { key: 'action-edit', pattern: '/actions/:id', page: 'actions' },
  // A section of the action page: /actions/:id/parameters, /auth, /conversation, /test.
  { key: 'action-section', pattern: '/actions/:id/:section', page: 'actions' },
  { key: 'agent-new', pattern: '/agents/new', page: 'agents', scope: 'agents:manage' },
  { key: 'agent-edit', pattern: '/agents/:id', page: 'agents' },
  { key: 'call-detail', pattern: '/calls/:id', page: 'calls' },
];

const ROUTES: readonly RouteDefinition<RouteKey>[] = [
  ...APP_PAGES.map((page) => ({ key: page.key, pattern: page.path })),
  ...SUB_ROUTES.map((route) => ({ key: route.key, pattern: route.pattern })),
];

/**
 * The page at a path (whether or not the scopes allow it), with its route parameters and the
 * scope the screen needs (the page's, or more: creating an action needs `webhooks:manage`).
 */
export function pageAt(path: string): { page: AppPage; match: RouteMatch<RouteKey>; scope: Scope } | null {
  const match = matchRoute(ROUTES, path);
  if (match === null) return null;
  const sub = SUB_ROUTES.find((route) => route.key === match.key);
  const page = APP_PAGES.find((candidate) => candidate.key === (sub?.page ?? match.key));
  return page ? { page, match, scope: sub?.scope ?? page.scope } : null;
}
