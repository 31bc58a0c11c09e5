import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { toApiKeyRows, toCreatedKey } from './key-view';

const view = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `key ${id}`,
  prefix: `tg_${id}`,
  scopes: ['chat'],
  createdAt: `2025-01-0${id}T00:00:00.000Z`,
  lastUsedAt: null,
  revokedAt: null,
  ...extra,
});

describe('toApiKeyRows', () => {
  it('lists keys in use first, newest first, with their widget restriction', () => {
    const rows = toApiKeyRows({
      keys: [
        view('1'),
        view('3', { revokedAt: '2025-02-01T00:00:00.000Z' }),
        view('2', {
          widget: { agentId: 'agt_1', origins: ['https://shop.example.com'] },
          lastUsedAt: '2025-01-05T00:00:00.000Z',
        }),
        { id: 'broken' },
      ],
    });
    expect(rows.map((row) => row.id)).toEqual(['2', '1', '3']);
    expect(rows[0]).toEqual({
      id: '2',
      name: 'key 2',
      prefix: 'tg_2',
      scopes: ['chat'],
      createdAt: '2025-01-02T00:00:00.000Z',
      lastUsedAt: '2025-01-05T00:00:00.000Z',
      revokedAt: null,
      widget: { agentId: 'agt_1', origins: ['https://shop.example.com'] },
    });
    expect(rows[1]?.widget).toBeUndefined();
  });

  it('refuses another shape', () => {
    expect(() => toApiKeyRows({ items: [] })).toThrow(ApiError);
  });
});

describe('toCreatedKey', () => {
  it('keeps the key and its value', () => {
    expect(toCreatedKey({ key: view('1'), value: 'tg_1_secret' })).toMatchObject({
      key: { id: '1' },
      value: 'tg_1_secret',
    });
  });

  it('refuses an answer without a value', () => {
    expect(() => toCreatedKey({ key: view('1') })).toThrow(ApiError);
  });
});
