import { describe, expect, it } from 'vitest';
import { parseQueryParameters } from './parse-query-parameters.js';

describe('parseQueryParameters', () => {
  it('reads a query string, a path with a query, a full URL or URLSearchParams', () => {
    const expected = { order_number: 'ORD-12345' };
    expect(parseQueryParameters('order_number=ORD-12345')).toEqual(expected);
    expect(parseQueryParameters('?order_number=ORD-12345')).toEqual(expected);
    expect(parseQueryParameters('/orders/status?order_number=ORD-12345#top')).toEqual(expected);
    expect(parseQueryParameters('https://shop.example/orders?order_number=ORD-12345')).toEqual(expected);
    expect(parseQueryParameters(new URLSearchParams(expected))).toEqual(expected);
  });

  it('returns nothing for a path or URL without a query', () => {
    expect(parseQueryParameters('/orders/status')).toEqual({});
    expect(parseQueryParameters('https://shop.example/orders')).toEqual({});
    expect(parseQueryParameters('')).toEqual({});
  });

  it('decodes values, keeps JSON-encoded ones as text and collects repeats', () => {
    expect(parseQueryParameters('name=Zo%C3%AB+M&count=5&filter=%7B%22a%22%3A1%7D&tag=a&tag=b')).toEqual({
      name: 'Zoë M',
      count: '5',
      filter: '{"a":1}',
      tag: ['a', 'b'],
    });
  });

  it('keeps __proto__ as a plain key', () => {
    const parameters = parseQueryParameters('__proto__=a&__proto__=b&constructor=c');
    expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype);
    expect(Object.keys(parameters)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
