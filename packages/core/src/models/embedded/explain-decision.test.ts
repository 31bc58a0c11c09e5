import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { explainDecision } from './explain-decision.js';
import { buildIntentIndex, scoreIntent } from './intent/index.js';

const actions: ActionDefinition[] = [
  {
    name: 'check_order_status',
    displayName: 'Check order status',
    description: 'Look up where an order is and when it arrives.',
    url: 'https://shop.example.com/status',
  },
  {
    name: 'cancel_order',
    displayName: 'Cancel an order',
    description: 'Cancel an order.',
    url: 'https://shop.example.com/c',
  },
];
const index = buildIntentIndex(
  actions.map(({ name, displayName, description }) => ({ name, displayName, description })),
);
const byName = new Map(actions.map((action) => [action.name, action]));

describe('explainDecision', () => {
  it('says which action was chosen and why, in the customer’s words, never in stems', () => {
    const message = 'Where is my order? It should have arrived';
    const lines = explainDecision(message, scoreIntent(index, message), byName, [
      { parameter: 'order_number', value: 'ORD-1', matched: 'ORD-1', kind: 'pattern' },
    ]);
    expect(lines[0]).toMatch(/^Chose “Check order status” \(score 0\.\d\d\): the message says .*“where”/);
    expect(lines[0]).toContain('“arrived”');
    expect(lines.join(' ')).not.toMatch(/\bwher\b|“arriv”/);
    expect(lines[1]).toBe('Read order number = ORD-1 from “ORD-1”: it matches the parameter’s pattern.');
  });

  it('says when actions are close, and when nothing fits', () => {
    expect(explainDecision('order', scoreIntent(index, 'order'), byName)[0]).toMatch(
      /^“Check order status” and “Cancel an order” fit about equally well/,
    );
    expect(explainDecision('what is the weather', scoreIntent(index, 'what is the weather'), byName)).toEqual(
      ['No word of the message fits any action.'],
    );
  });
});
