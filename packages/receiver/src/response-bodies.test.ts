import { describe, expect, it } from 'vitest';
import { data, failure, message, success } from './response-bodies.js';

describe('response bodies', () => {
  it('builds the shapes Toolgate reads', () => {
    expect(success({ status: 'shipped' })).toEqual({ success: true, result: { status: 'shipped' } });
    expect(failure('Order not found')).toEqual({ success: false, error: 'Order not found' });
    expect(message('Your table is booked.')).toEqual({ message: 'Your table is booked.' });
    expect(data({ balance: 42.5 })).toEqual({ data: { balance: 42.5 } });
  });

  it('serializes to plain JSON', () => {
    expect(JSON.stringify(success(null))).toBe('{"success":true,"result":null}');
  });
});
