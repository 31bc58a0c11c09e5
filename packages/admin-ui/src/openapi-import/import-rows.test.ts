import { describe, expect, it } from 'vitest';
import type { ImportOperation, ImportReport } from './import-report';
import { carrySelection, changeText, countByStatus, orderedSelection, toOperationRows } from './import-rows';

const operation = (name: string, convertible = true): ImportOperation => ({
  method: 'GET',
  path: `/${name}`,
  name,
  convertible,
  reasons: convertible ? [] : ['HEAD is not a method actions use'],
  warnings: [],
});

const report: ImportReport = {
  format: 'openapi-3.0',
  title: 'Shop',
  version: '1',
  servers: [],
  operations: [
    operation('list_pets'),
    operation('get_pet'),
    operation('find_pet'),
    operation('ping', false),
    operation('status'),
  ],
  diff: {
    added: ['list_pets', 'status'],
    changed: [
      { name: 'get_pet', changes: [{ path: '/url', before: 'https://a/pet', after: 'https://b/pet' }] },
    ],
    unchanged: ['find_pet'],
    removed: ['old_one'],
  },
  created: [],
  skipped: [],
};

const stored = [
  { id: 'act_1', name: 'get_pet' },
  { id: 'act_2', name: 'find_pet' },
  { id: 'act_3', name: 'status' },
];

describe('toOperationRows', () => {
  it('marks each operation new, changed, unchanged, taken by another API, or refused', () => {
    const rows = toOperationRows(report, stored);
    expect(rows.map((row) => [row.name, row.status, row.selectable, row.existingId])).toEqual([
      ['list_pets', 'new', true, undefined],
      ['get_pet', 'changed', false, 'act_1'],
      ['find_pet', 'unchanged', false, 'act_2'],
      ['ping', 'refused', false, undefined],
      // Not in the diff (another origin), but the name exists: the route would skip it.
      ['status', 'taken', false, 'act_3'],
    ]);
    expect(rows[1]?.changes).toEqual([{ path: '/url', before: 'https://a/pet', after: 'https://b/pet' }]);
    expect(rows[3]?.reasons).toEqual(['HEAD is not a method actions use']);
    expect(countByStatus(rows)).toEqual({ new: 1, changed: 1, unchanged: 1, taken: 1, refused: 1 });
  });

  it('chooses every new operation first, then keeps only what is still new', () => {
    const fresh = {
      ...report,
      diff: {
        added: ['list_pets', 'get_pet', 'find_pet', 'status'],
        changed: [],
        unchanged: [],
        removed: [],
      },
    };
    const rows = toOperationRows(fresh, []);
    expect(carrySelection(rows, null)).toEqual(['list_pets', 'get_pet', 'find_pet', 'status']);
    const later = toOperationRows(report, stored);
    expect(carrySelection(later, ['status', 'list_pets', 'get_pet'])).toEqual(['list_pets']);
    expect(orderedSelection(rows, ['status', 'ping', 'list_pets'])).toEqual(['list_pets', 'status']);
  });

  it('writes a changed value readably', () => {
    expect(changeText('https://a')).toBe('https://a');
    expect(changeText({ type: 'none' })).toBe('{"type":"none"}');
    expect(changeText(undefined)).toBe('(none)');
  });
});
