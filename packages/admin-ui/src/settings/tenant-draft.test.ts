import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { actionUsage, buildTenantBody, suggestedLimit, tenantDraft, tenantFormErrors } from './tenant-draft';

describe('buildTenantBody', () => {
  const current = { name: 'Acme', maxActions: 100 };

  it('starts from the tenant as loaded and sends nothing when nothing changed', () => {
    expect(tenantDraft(current)).toEqual({ name: 'Acme', maxActions: '100' });
    expect(buildTenantBody({ name: ' Acme ', maxActions: '100' }, current)).toEqual({ ok: true, body: {} });
  });

  it('sends only the changed fields', () => {
    expect(buildTenantBody({ name: 'Acme Ltd', maxActions: '100' }, current)).toEqual({
      ok: true,
      body: { name: 'Acme Ltd' },
    });
    expect(buildTenantBody({ name: 'Acme', maxActions: ' 0 ' }, current)).toEqual({
      ok: true,
      body: { maxActions: 0 },
    });
  });

  it('checks the name and the limit as the server does', () => {
    expect(buildTenantBody({ name: ' ', maxActions: '' }, current)).toEqual({
      ok: false,
      errors: { '/name': ['is required'], '/maxActions': ['is required'] },
    });
    expect(buildTenantBody({ name: 'x'.repeat(101), maxActions: '1.5' }, current)).toEqual({
      ok: false,
      errors: {
        '/name': ['must be at most 100 characters'],
        '/maxActions': ['must be a whole number from 0 to 10000'],
      },
    });
    expect(buildTenantBody({ name: 'Acme', maxActions: '-1' }, current).ok).toBe(false);
    expect(buildTenantBody({ name: 'Acme', maxActions: '10001' }, current)).toEqual({
      ok: false,
      errors: { '/maxActions': ['must be a whole number from 0 to 10000'] },
    });
  });
});

describe('tenantFormErrors', () => {
  it('puts the server issues at the tenant fields', () => {
    const error = new ApiError(422, 'validation_failed', 'invalid body', [
      { path: '/maxActions', message: 'must be <= 10000' },
    ]);
    expect(tenantFormErrors(error)).toEqual({ fields: { '/maxActions': ['must be <= 10000'] }, form: [] });
  });
});

describe('actionUsage', () => {
  it('says how many of the allowed actions exist, and when no more can be added', () => {
    expect(actionUsage(3, 10)).toEqual({ text: '3 of 10 actions', full: false });
    expect(actionUsage(10, 10)).toEqual({ text: '10 of 10 actions', full: true });
    expect(actionUsage(0, 1)).toEqual({ text: '0 of 1 action', full: false });
    expect(actionUsage(2, 0).full).toBe(true);
  });
});

describe('suggestedLimit', () => {
  it('doubles to a round number within the server bound', () => {
    expect(suggestedLimit(10, 10)).toBe(20);
    expect(suggestedLimit(0, 0)).toBe(10);
    expect(suggestedLimit(12, 10)).toBe(30);
    expect(suggestedLimit(80, 100)).toBe(200);
    expect(suggestedLimit(9000, 9000)).toBe(10_000);
  });
});
