import type { IntentCandidate } from './types.js';

/** Three actions of a shop with a hair salon, shared by the intent tests. */
export const SHOP_CANDIDATES: IntentCandidate[] = [
  {
    name: 'check_order_status',
    displayName: 'Check order status',
    description: 'Look up the status and tracking of an order by its order number',
    parameterDescriptions: ['The order number, as printed on the receipt'],
  },
  {
    name: 'cancel_order',
    description: 'Cancel an order that has not shipped yet',
    parameterDescriptions: ['The order number'],
  },
  {
    name: 'book_appointment',
    description: 'Book an appointment with a stylist at a date and time',
    triggers: { phrases: ['haircut'], entities: ['date'] },
  },
];
