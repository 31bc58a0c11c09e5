import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { isSelf, toAuditEntries, toOperator, toOperatorRows, toTenant } from './operator-view';

describe('toOperatorRows', () => {
  it('lists active operators first, then by email, skipping entries it cannot read', () => {
    const rows = toOperatorRows({
      operators: [
        {
          id: 'op_3',
          email: 'zed@example.com',
          scopes: ['chat'],
          createdAt: '2025-01-03T00:00:00Z',
          disabledAt: null,
        },
        {
          id: 'op_2',
          email: 'bob@example.com',
          scopes: ['admin'],
          createdAt: '2025-01-02T00:00:00Z',
          disabledAt: '2025-02-01T00:00:00Z',
        },
        { id: 'op_1', email: 'ada@example.com', scopes: ['admin', 7], createdAt: '2025-01-01T00:00:00Z' },
        { id: 'broken' },
      ],
    });
    expect(rows.map((row) => row.id)).toEqual(['op_1', 'op_3', 'op_2']);
    expect(rows[0]).toEqual({
      id: 'op_1',
      email: 'ada@example.com',
      scopes: ['admin'],
      createdAt: '2025-01-01T00:00:00Z',
      disabledAt: null,
    });
  });

  it('refuses an answer of another shape', () => {
    expect(() => toOperatorRows({ keys: [] })).toThrow(ApiError);
    expect(() => toOperator({ id: 'op_1' })).toThrow(ApiError);
  });
});

describe('toTenant', () => {
  it('reads the tenant', () => {
    expect(toTenant({ id: 't_1', name: 'Acme', maxActions: 50, extra: true })).toEqual({
      id: 't_1',
      name: 'Acme',
      maxActions: 50,
    });
    expect(() => toTenant({ id: 't_1', name: 'Acme' })).toThrow(ApiError);
  });
});

describe('toAuditEntries', () => {
  it('reads the entries, newest first', () => {
    const entries = toAuditEntries({
      entries: [
        {
          id: 'a1',
          actor: 'operator:op_1',
          actorLabel: 'ada@example.com',
          event: 'tenant.updated',
          targetType: 'tenant',
          targetId: 't_1',
          fields: ['name'],
          at: '2025-01-01T00:00:00Z',
        },
        { id: 'a2', actor: 'operator:op_1', event: 'operator.created', at: '2025-01-02T00:00:00Z' },
      ],
    });
    expect(entries.map((entry) => entry.id)).toEqual(['a2', 'a1']);
    expect(entries[0]?.fields).toEqual([]);
    expect(entries[1]?.actorLabel).toBe('ada@example.com');
    // An older server without labels: the actor as it is.
    expect(entries[0]?.actorLabel).toBe('operator:op_1');
    expect(() => toAuditEntries({})).toThrow(ApiError);
  });
});

describe('isSelf', () => {
  it('matches the session actor to an operator id', () => {
    expect(isSelf('operator:op_1', 'op_1')).toBe(true);
    expect(isSelf('operator:op_1', 'op_2')).toBe(false);
    expect(isSelf('api_key:op_1', 'op_1')).toBe(false);
  });
});
