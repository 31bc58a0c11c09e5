import { describe, expect, it } from 'vitest';
import { homePath, pageAt, visiblePages } from './app-pages';

const labels = (scopes: string[]) => visiblePages(scopes).map((page) => page.label);

describe('visiblePages', () => {
  it('shows every page to an admin', () => {
    expect(labels(['admin'])).toEqual([
      'Actions',
      'Agents',
      'Chat',
      'Calls',
      'Subscriptions',
      'Deliveries',
      'Channels',
      'Keys',
      'Operators',
      'Settings',
    ]);
  });

  it('shows only what the scopes allow, managing implying reading', () => {
    expect(labels(['webhooks:read'])).toEqual(['Actions', 'Calls']);
    expect(labels(['events:read'])).toEqual(['Subscriptions', 'Deliveries']);
    expect(labels(['webhooks:manage'])).toEqual(['Actions', 'Calls']);
    expect(labels(['agents:manage', 'chat'])).toEqual(['Agents', 'Chat', 'Channels']);
    expect(labels(['conversations:read'])).toEqual([]);
    expect(labels([])).toEqual([]);
  });
});

describe('homePath', () => {
  it('is the first allowed page, or null', () => {
    expect(homePath(['admin'])).toBe('/actions');
    expect(homePath(['chat'])).toBe('/chat');
    expect(homePath(['conversations:read'])).toBeNull();
  });
});

describe('pageAt', () => {
  it('finds a page by path, whatever the scopes', () => {
    expect(pageAt('/operators/')?.page.key).toBe('operators');
    expect(pageAt('/settings')).toMatchObject({ page: { key: 'settings' }, scope: 'admin' });
    expect(pageAt('/nope')).toBeNull();
    expect(pageAt('/')).toBeNull();
  });

  it('finds the action screens inside the Actions page, with the scope each needs', () => {
    expect(pageAt('/actions/new')).toMatchObject({
      page: { key: 'actions' },
      match: { key: 'action-new' },
      scope: 'webhooks:manage',
    });
    expect(pageAt('/actions/act_1')).toMatchObject({
      page: { key: 'actions' },
      match: { key: 'action-edit', params: { id: 'act_1' } },
      scope: 'webhooks:read',
    });
    expect(pageAt('/actions')?.scope).toBe('webhooks:read');
    expect(pageAt('/actions/act_1/test')).toMatchObject({
      match: { key: 'action-section', params: { id: 'act_1', section: 'test' } },
      scope: 'webhooks:read',
    });
    expect(pageAt('/actions/new/parameters')).toMatchObject({
      match: { key: 'action-new-section', params: { section: 'parameters' } },
      scope: 'webhooks:manage',
    });
    expect(pageAt('/actions/import')).toMatchObject({
      page: { key: 'actions' },
      match: { key: 'action-import' },
      scope: 'webhooks:manage',
    });
    expect(pageAt('/actions/a/b/c')).toBeNull();
  });

  it('finds a call of the log inside the Calls page', () => {
    expect(pageAt('/calls/call_1')).toMatchObject({
      page: { key: 'calls' },
      match: { key: 'call-detail', params: { id: 'call_1' } },
      scope: 'webhooks:read',
    });
    expect(pageAt('/chat')?.scope).toBe('chat');
  });
});
