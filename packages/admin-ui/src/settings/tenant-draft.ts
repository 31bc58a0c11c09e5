import { type FormErrors, formErrors } from '../api/field-errors';

/** The tenant form as typed. */
export interface TenantDraft {
  name: string;
  maxActions: string;
}

/** The body of `PATCH /tenant`: only what changed. */
export interface PatchTenantBody {
  name?: string;
  maxActions?: number;
}

export const TENANT_FIELDS = ['/name', '/maxActions'] as const;
export type TenantField = (typeof TENANT_FIELDS)[number];

/** The server's bound on a tenant's action limit (`PatchTenantBody`). */
export const MAX_ACTIONS_LIMIT = 10_000;

export type TenantBodyResult =
  | { ok: true; body: PatchTenantBody }
  | { ok: false; errors: Partial<Record<TenantField, string[]>> };

/** The draft of a tenant as loaded. */
export function tenantDraft(tenant: { name: string; maxActions: number }): TenantDraft {
  return { name: tenant.name, maxActions: String(tenant.maxActions) };
}

/**
 * The `PATCH /tenant` body: the fields that differ from `current`, checked as the server would
 * (name 1–100 characters, action limit a whole number from 0 to 10 000). An empty body means
 * nothing changed.
 */
export function buildTenantBody(
  draft: TenantDraft,
  current: { name: string; maxActions: number },
): TenantBodyResult {
  const errors: Partial<Record<TenantField, string[]>> = {};
  const body: PatchTenantBody = {};
  const name = draft.name.trim();
  if (name === '') errors['/name'] = ['is required'];
  else if (name.length > 100) errors['/name'] = ['must be at most 100 characters'];
  else if (name !== current.name) body.name = name;
  const text = draft.maxActions.trim();
  if (text === '') errors['/maxActions'] = ['is required'];
  else if (!/^\d+$/.test(text))
    errors['/maxActions'] = [`must be a whole number from 0 to ${MAX_ACTIONS_LIMIT}`];
  else {
    const maxActions = Number(text);
    if (maxActions > MAX_ACTIONS_LIMIT)
      errors['/maxActions'] = [`must be a whole number from 0 to ${MAX_ACTIONS_LIMIT}`];
    else if (maxActions !== current.maxActions) body.maxActions = maxActions;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

/** The server's answer to a tenant change spread over its form. */
export function tenantFormErrors(error: unknown): FormErrors<TenantField> {
  return formErrors(error, TENANT_FIELDS);
}

/** How many of its allowed actions a tenant has, for the Settings and Actions pages. */
export interface ActionUsage {
  /** "3 of 10 actions" */
  text: string;
  /** No action can be added until the limit is raised or one is deleted. */
  full: boolean;
}

/**
 * @example
 * actionUsage(10, 10); // { text: '10 of 10 actions', full: true }
 */
export function actionUsage(count: number, maxActions: number): ActionUsage {
  return {
    text: `${count} of ${maxActions} action${maxActions === 1 ? '' : 's'}`,
    full: count >= maxActions,
  };
}

/** A limit with room to grow: the next round step above what is used, within the server's bound. */
export function suggestedLimit(count: number, maxActions: number): number {
  const wanted = Math.max(count, maxActions) * 2;
  const step = wanted <= 100 ? 10 : 100;
  return Math.min(MAX_ACTIONS_LIMIT, Math.max(step, Math.ceil(wanted / step) * step));
}
