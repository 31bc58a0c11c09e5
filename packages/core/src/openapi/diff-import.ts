import type { ActionDefinition } from '../actions/action-definition.js';
import type { ImportedOperation } from './import-types.js';

/** One field that differs between the stored action and the document's version. */
export interface FieldChange {
  /** JSON pointer into the action, e.g. `/url` or `/parameters/properties/status`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** What re-importing a document would change. */
export interface ImportDiff {
  added: string[];
  changed: Array<{ name: string; changes: FieldChange[] }>;
  unchanged: string[];
  /** Stored actions of this API that the document no longer has. */
  removed: string[];
}

/** Fields compared one by one; credentials are never compared (stored ones are write-only). */
const COMPARED_FIELDS = ['displayName', 'description', 'url', 'method', 'bodyTemplate'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The auth's shape without its secrets: type, and where an API key goes. */
function authShape(action: ActionDefinition): unknown {
  const auth = action.auth ?? { type: 'none' };
  return auth.type === 'api_key' ? { type: auth.type, in: auth.in, name: auth.name } : { type: auth.type };
}

function compare(stored: ActionDefinition, next: ActionDefinition, nextAuth: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (!same(stored[field], next[field]))
      changes.push({ path: `/${field}`, before: stored[field], after: next[field] });
  }
  const before = stored.parameters?.properties ?? {};
  const after = next.parameters?.properties ?? {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[name], after[name])) {
      changes.push({ path: `/parameters/properties/${name}`, before: before[name], after: after[name] });
    }
  }
  const requiredBefore = [...(stored.parameters?.required ?? [])].sort();
  const requiredAfter = [...(next.parameters?.required ?? [])].sort();
  if (!same(requiredBefore, requiredAfter)) {
    changes.push({ path: '/parameters/required', before: requiredBefore, after: requiredAfter });
  }
  const storedAuth = authShape(stored);
  if (!same(storedAuth, nextAuth)) changes.push({ path: '/auth', before: storedAuth, after: nextAuth });
  return changes;
}

/**
 * Compares a document's convertible operations with stored actions, by name: added (not
 * stored), changed (with every differing field: URL, method, description, each parameter,
 * required list, body template, auth type), unchanged, and removed (stored actions of the same
 * API, as the caller selects them, e.g. by base URL, that the document no longer has).
 * Credential values are never compared.
 *
 * @example
 * diffImport(report.operations, storedActionsOfThisApi);
 * // { added: ['add_pet'], changed: [{ name: 'get_pet_by_id', changes: [{ path: '/url', ... }] }], ... }
 */
export function diffImport(
  operations: readonly ImportedOperation[],
  stored: readonly ActionDefinition[],
): ImportDiff {
  const byName = new Map(stored.map((action) => [action.name, action]));
  const diff: ImportDiff = { added: [], changed: [], unchanged: [], removed: [] };
  const seen = new Set<string>();
  for (const operation of operations) {
    if (!operation.convertible || !operation.action) continue;
    seen.add(operation.name);
    const existing = byName.get(operation.name);
    if (!existing) {
      diff.added.push(operation.name);
      continue;
    }
    const nextAuth = operation.auth
      ? operation.auth.type === 'api_key'
        ? { type: 'api_key', in: operation.auth.in, name: operation.auth.name }
        : { type: operation.auth.type }
      : { type: 'none' };
    const changes = compare(existing, operation.action, nextAuth);
    if (changes.length === 0) diff.unchanged.push(operation.name);
    else diff.changed.push({ name: operation.name, changes });
  }
  for (const action of stored) if (!seen.has(action.name)) diff.removed.push(action.name);
  return diff;
}
