import { describe, expect, it } from 'vitest';
import { failure, success } from './response-bodies.js';
import { toResponse } from './to-response.js';

describe('toResponse', () => {
  it('sends objects as JSON with status 200 unless told', async () => {
    const ok = toResponse(success({ status: 'shipped' }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await ok.json()).toEqual({ success: true, result: { status: 'shipped' } });
    const notFound = toResponse(failure('Order not found'), 404);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ success: false, error: 'Order not found' });
  });

  it('sends strings as text, and undefined as null', async () => {
    const text = toResponse('Booked for 7 pm');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('Booked for 7 pm');
    expect(await toResponse(undefined).text()).toBe('null');
  });
});
