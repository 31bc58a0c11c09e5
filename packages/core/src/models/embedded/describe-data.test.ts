import { describe, expect, it } from 'vitest';
import { describeData } from './describe-data.js';
import { detectEntities } from './detect-entities.js';

describe('describeData', () => {
  it('labels an object from its keys, nested objects and lists included', () => {
    expect(
      describeData({
        status: 'shipped',
        estimatedDelivery: '2026-03-25',
        items: ['hat', 'scarf'],
        paid: true,
      }),
    ).toBe('Status: shipped; Estimated delivery: 2026-03-25; Items: hat, scarf; Paid: yes');
    expect(describeData({ order: { status: 'open', total: 12.5 } })).toBe('Order: Status: open; Total: 12.5');
  });

  it('lists items one per line, at most ten', () => {
    const text = describeData(Array.from({ length: 12 }, (_, index) => ({ id: index })));
    expect(text.split('\n')).toHaveLength(11);
    expect(text.split('\n').at(-1)).toBe('- and 2 more');
    expect(describeData([])).toBe('I found nothing.');
    expect(describeData(null)).toBe('none');
  });
});

describe('detectEntities', () => {
  const options = { referenceDate: new Date('2026-03-20T10:00:00Z'), defaultRegion: 'GB' };

  it('finds each kind a message mentions', () => {
    expect(detectEntities('my order ORD-12345, mail me at ann@example.com', options)).toEqual([
      'email',
      'digits',
      'order_id',
    ]);
    expect(detectEntities('call me on 07911 123456 tomorrow', options)).toEqual(
      expect.arrayContaining(['phone', 'date']),
    );
    expect(detectEntities('hello there', options)).toEqual([]);
  });
});
