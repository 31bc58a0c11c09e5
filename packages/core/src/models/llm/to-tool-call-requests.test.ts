import { describe, expect, it } from 'vitest';
import { toArguments, toToolCallRequests } from './to-tool-call-requests.js';

describe('toToolCallRequests', () => {
  it('keeps ids and names, and always gives an arguments object', () => {
    expect(
      toToolCallRequests([
        { toolCallId: 'a', toolName: 'check_order_status', input: { order_number: 'ORD-1' } },
        { toolCallId: 'b', toolName: 'no_such_tool', input: '{"x":1}' },
      ]),
    ).toEqual([
      { id: 'a', name: 'check_order_status', arguments: { order_number: 'ORD-1' } },
      { id: 'b', name: 'no_such_tool', arguments: { x: 1 } },
    ]);
  });
});

describe('toArguments', () => {
  it.each([
    ['unparseable JSON', '{"order_number": "ORD-1"'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"ORD-1"'],
    ['an array', [1, 2]],
    ['null', null],
    ['a number', 42],
    ['nothing', undefined],
  ])('turns %s into {}', (_label, input) => {
    expect(toArguments(input)).toEqual({});
  });

  it('decodes an object sent as a JSON string', () => {
    expect(toArguments('{"order_number":"ORD-1"}')).toEqual({ order_number: 'ORD-1' });
  });
});
