import type { AuthNeed, FieldChange, ImportOperation, ImportReport } from './import-report';

/**
 * What creating an operation would do: `new` (no action of that name), `changed` / `unchanged`
 * (an action of this API has the name: the import does not overwrite it), `taken` (an action of
 * another API has the name), `refused` (it cannot become an action).
 */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'taken' | 'refused';

export interface OperationRow {
  name: string;
  method: string;
  path: string;
  operationId?: string;
  url?: string;
  status: RowStatus;
  /** Only new operations can be created: the route never overwrites an action. */
  selectable: boolean;
  reasons: string[];
  warnings: string[];
  changes: FieldChange[];
  auth?: AuthNeed;
  /** The stored action of the same name, to link to. */
  existingId?: string;
}

/** A stored action as the list shows it. */
export interface StoredAction {
  id: string;
  name: string;
}

function statusOf(operation: ImportOperation, report: ImportReport, taken: boolean): RowStatus {
  if (!operation.convertible) return 'refused';
  if (report.diff.changed.some((entry) => entry.name === operation.name)) return 'changed';
  if (report.diff.unchanged.includes(operation.name)) return 'unchanged';
  return taken ? 'taken' : 'new';
}

/** One row per operation of the document, in its order, with the diff against the stored actions. */
export function toOperationRows(report: ImportReport, stored: readonly StoredAction[]): OperationRow[] {
  const byName = new Map(stored.map((action) => [action.name, action.id]));
  return report.operations.map((operation) => {
    const existingId = byName.get(operation.name);
    const status = statusOf(operation, report, existingId !== undefined);
    return {
      name: operation.name,
      method: operation.method,
      path: operation.path,
      ...(operation.operationId ? { operationId: operation.operationId } : {}),
      ...(operation.url ? { url: operation.url } : {}),
      status,
      selectable: status === 'new',
      reasons: operation.reasons,
      warnings: operation.warnings,
      changes: report.diff.changed.find((entry) => entry.name === operation.name)?.changes ?? [],
      ...(operation.auth ? { auth: operation.auth } : {}),
      ...(existingId === undefined ? {} : { existingId }),
    };
  });
}

/** How many rows have each status, for the summary line. */
export function countByStatus(rows: readonly OperationRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, taken: 0, refused: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/**
 * The selection after a (new) preview: the names still selectable that were chosen before, or,
 * on the first preview, every new operation.
 */
export function carrySelection(rows: readonly OperationRow[], previous: readonly string[] | null): string[] {
  const selectable = rows.filter((row) => row.selectable).map((row) => row.name);
  if (previous === null) return selectable;
  return selectable.filter((name) => previous.includes(name));
}

/** The selected names in the document's order. */
export function orderedSelection(rows: readonly OperationRow[], selected: readonly string[]): string[] {
  return rows.filter((row) => row.selectable && selected.includes(row.name)).map((row) => row.name);
}

/** A JSON value of a field change, short enough for a table cell. */
export function changeText(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
