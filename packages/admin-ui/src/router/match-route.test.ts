import { describe, expect, it } from 'vitest';
import { matchPattern, matchRoute, normalizePath } from './match-route';

describe('normalizePath', () => {
  it('drops trailing slashes and keeps the root', () => {
    expect(normalizePath('/actions/')).toBe('/actions');
    expect(normalizePath('/actions//')).toBe('/actions');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('actions')).toBe('/actions');
  });
});

describe('matchPattern', () => {
  it('matches literal segments exactly', () => {
    expect(matchPattern('/actions', '/actions')).toEqual({});
    expect(matchPattern('/actions', '/actions/')).toEqual({});
    expect(matchPattern('/actions', '/action')).toBeNull();
    expect(matchPattern('/actions', '/actions/x')).toBeNull();
    expect(matchPattern('/', '/')).toEqual({});
    expect(matchPattern('/', '/actions')).toBeNull();
  });

  it('captures :name segments, decoded', () => {
    expect(matchPattern('/actions/:id', '/actions/act_1')).toEqual({ id: 'act_1' });
    expect(matchPattern('/calls/:id/:tab', '/calls/c%201/request')).toEqual({ id: 'c 1', tab: 'request' });
  });

  it('refuses empty and undecodable parameters', () => {
    expect(matchPattern('/actions/:id', '/actions//')).toBeNull();
    expect(matchPattern('/a/:id/b', '/a//b')).toBeNull();
    expect(matchPattern('/actions/:id', '/actions/%E0%A4%A')).toBeNull();
  });
});

describe('matchRoute', () => {
  const routes = [
    { key: 'new', pattern: '/actions/new' },
    { key: 'one', pattern: '/actions/:id' },
    { key: 'list', pattern: '/actions' },
  ] as const;

  it('takes the first route that matches, in order', () => {
    expect(matchRoute(routes, '/actions/new')).toEqual({ key: 'new', params: {} });
    expect(matchRoute(routes, '/actions/act_9')).toEqual({ key: 'one', params: { id: 'act_9' } });
    expect(matchRoute(routes, '/actions')).toEqual({ key: 'list', params: {} });
  });

  it('is null when nothing matches', () => {
    expect(matchRoute(routes, '/agents')).toBeNull();
  });
});
