import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { actionTitle, askWhichAction, resolveActionChoice } from './choose-action.js';

const lookup = (name: string, description: string, displayName?: string): ActionDefinition => ({
  name,
  description,
  url: 'https://shop.example.com/orders',
  ...(displayName ? { displayName } : {}),
});
const demo = lookup(
  'check_order_status',
  'Look up an order in the demo shop when the customer asks where it is.',
  'Check order status (demo)',
);
const mine = lookup(
  'shop_order_status',
  'Look up an order in my shop when the customer asks where it is.',
  'Order status from my shop',
);
const untitled = lookup('track_parcel', 'Track a parcel with the carrier. Needs the tracking number.');

describe('askWhichAction', () => {
  it('lists the candidates by their titles, numbered', () => {
    expect(askWhichAction([demo, mine])).toBe(
      'Which one do you mean: 1) Check order status (demo) or 2) Order status from my shop? You can answer with the number or the name.',
    );
    expect(askWhichAction([demo, mine, untitled])).toContain(
      '1) Check order status (demo), 2) Order status from my shop or 3) Track a parcel with the carrier?',
    );
  });

  it("names an action without a display name by its description's first sentence", () => {
    expect(actionTitle(untitled)).toBe('Track a parcel with the carrier');
  });
});

describe('resolveActionChoice', () => {
  const both = [demo, mine];
  it('reads a number or an ordinal', () => {
    expect(resolveActionChoice('2', both)).toEqual({ index: 1, by: 'number' });
    expect(resolveActionChoice('#1', both)).toEqual({ index: 0, by: 'number' });
    expect(resolveActionChoice('the second one', both)).toEqual({ index: 1, by: 'number' });
    expect(resolveActionChoice('number 1 please', both)).toEqual({ index: 0, by: 'number' });
    expect(resolveActionChoice('the last', both)).toEqual({ index: 1, by: 'number' });
  });

  it('does not take an out-of-range number, two numbers, or the digits of an id', () => {
    expect(resolveActionChoice('3', both)).toBeUndefined();
    expect(resolveActionChoice('1 or 2', both)).toBeUndefined();
    expect(resolveActionChoice('ORD-2', both)).toBeUndefined();
  });

  it('reads the name or the title', () => {
    expect(resolveActionChoice('shop_order_status', both)).toEqual({ index: 1, by: 'name' });
    expect(resolveActionChoice('Check order status (demo), please', both)).toEqual({ index: 0, by: 'name' });
  });

  it('reads words that only one candidate has', () => {
    expect(resolveActionChoice('the demo one', both)).toEqual({ index: 0, by: 'words' });
    expect(resolveActionChoice('from my shop', both)).toEqual({ index: 1, by: 'words' });
    expect(resolveActionChoice('the tracking one', [demo, untitled])).toEqual({ index: 1, by: 'words' });
  });

  it('chooses nothing when the answer fits both or neither', () => {
    expect(resolveActionChoice('order status', both)).toBeUndefined();
    expect(resolveActionChoice('what is the weather', both)).toBeUndefined();
  });
});
