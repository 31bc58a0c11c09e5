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

describe('describeData: results as a person reads them out', () => {
  it('reads a list of objects inside an object as a list, not as JSON', () => {
    const text = describeData({
      count: 2,
      orders: [
        { id: 'A-1', status: 'shipped' },
        { id: 'A-2', status: 'processing' },
      ],
    });
    expect(text).toBe('Count: 2; Orders:\n- ID: A-1; Status: shipped\n- ID: A-2; Status: processing');
    expect(text).not.toContain('{');
  });

  it('reads what an envelope wraps, not the envelope', () => {
    expect(describeData({ success: true, result: { status: 'shipped' } })).toBe('Status: shipped');
    expect(describeData({ ok: true, data: [{ name: 'Main St' }] })).toBe('- Name: Main St');
    expect(describeData({ success: true, result: 'done', note: 'x' })).toBe(
      'Success: yes; Result: done; Note: x',
    );
  });
});
