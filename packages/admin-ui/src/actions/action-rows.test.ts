import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { toActionRows, urlHost } from './action-rows';

const action = (id: string, definition: Record<string, unknown>, enabled = true) => ({
  id,
  definition,
  enabled,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('toActionRows', () => {
  it('keeps name, display name, enabled, method and URL host, sorted by name', () => {
    const rows = toActionRows({
      actions: [
        action('a2', {
          name: 'lookup_order',
          url: 'https://api.shop.example:8443/orders/{id}',
          method: 'GET',
        }),
        action(
          'a1',
          { name: 'book_table', displayName: 'Book a table', url: 'https://bookings.example/v1' },
          false,
        ),
      ],
    });
    expect(rows).toEqual([
      {
        id: 'a1',
        name: 'book_table',
        displayName: 'Book a table',
        enabled: false,
        method: 'POST',
        host: 'bookings.example',
      },
      {
        id: 'a2',
        name: 'lookup_order',
        displayName: undefined,
        enabled: true,
        method: 'GET',
        host: 'api.shop.example:8443',
      },
    ]);
  });

  it('skips entries it cannot show and refuses a body of another shape', () => {
    expect(
      toActionRows({ actions: [{ id: 'x' }, action('a', { name: 'ok', url: 'https://a.example' })] }),
    ).toHaveLength(1);
    expect(() => toActionRows({ items: [] })).toThrow(ApiError);
  });
});

describe('urlHost', () => {
  it('falls back to the text when the URL does not parse', () => {
    expect(urlHost('https://[2001:db8::1]/x')).toBe('[2001:db8::1]');
    expect(urlHost('not a url')).toBe('not a url');
  });
});
