/**
 * The businesses the dialogues talk to: a shop (orders, stock, refunds, shipments, promotions),
 * a restaurant (tables), a salon (appointments), a helpdesk (tickets) and a marketing desk (leads,
 * newsletter). Each action is written the way an operator would write it in Toolgate, with a URL
 * on the fake business (`/<action name>`) filled in by `catalogueFor(base)`.
 *
 * Some id parameters carry a `pattern`, others only a hint in their description, `examples` or
 * a telling name (`sku`, `*_id`): the agent must learn an id's shape from whichever is there.
 */

/** Names of every action of the catalogue. */
export const ACTION_NAMES = [
  'check_order_status',
  'list_my_orders',
  'cancel_order',
  'request_refund',
  'track_shipment',
  'check_stock',
  'find_promotions',
  'get_store_hours',
  'book_table',
  'book_appointment',
  'reschedule_appointment',
  'cancel_booking',
  'capture_lead',
  'open_support_ticket',
  'check_ticket_status',
  'newsletter_signup',
  'check_return_status',
  'resend_invoice',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** A time of day as the backends take it: 24-hour `HH:MM` (Toolgate has no `time` format yet). */
const timeOfDay = (description: string) => ({
  type: 'string',
  description,
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  examples: ['19:30'],
});

const asks = { confirmation: 'auto' } as const;

type Definition = Record<string, unknown> & { name: ActionName };

const definitions: Definition[] = [
  {
    name: 'check_order_status',
    displayName: 'Check order status',
    description:
      'Look up where an order is: processing, shipped, delivered, with the expected delivery date. Use when a customer asks about their order, whether it has shipped or when it arrives.',
    method: 'GET',
    parameters: {
      type: 'object',
      properties: {
        order_number: { type: 'string', description: 'The order number, like ORD-12345' },
      },
      required: ['order_number'],
    },
    conversation: { messages: { start: 'One moment, checking your order.' } },
  },
  {
    name: 'list_my_orders',
    displayName: 'List recent orders',
    description:
      "List a customer's recent orders found by the email address they ordered with, when they don't have an order number at hand.",
    method: 'GET',
    parameters: {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', description: 'The email address used for the orders' },
      },
      required: ['email'],
    },
  },
  {
    name: 'cancel_order',
    displayName: 'Cancel an order',
    description: 'Cancel an order that has not shipped yet, at the customer’s request.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        order_number: {
          type: 'string',
          description: 'The order number, like ORD-12345',
          pattern: '^ORD-[0-9]{5}$',
        },
      },
      required: ['order_number'],
    },
    conversation: asks,
  },
  {
    name: 'request_refund',
    displayName: 'Request a refund',
    description:
      'Start a refund (money back) for an order that arrived damaged, wrong or was returned. Needs the order number and the reason.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        order_number: {
          type: 'string',
          description: 'The order number, like ORD-12345',
          pattern: '^ORD-[0-9]{5}$',
        },
        reason: { type: 'string', description: 'Why the customer wants the refund, in their words' },
      },
      required: ['order_number', 'reason'],
    },
    conversation: asks,
  },
  {
    name: 'track_shipment',
    displayName: 'Track a parcel',
    description:
      "Follow a parcel with the carrier's tracking number: last scan, where it is now, delivery estimate.",
    method: 'GET',
    parameters: {
      type: 'object',
      properties: {
        tracking_number: {
          type: 'string',
          description: 'The tracking number on the shipping email, e.g. 1Z999AA10123456784',
          examples: ['1Z999AA10123456784', '9400111899223817424242'],
        },
        carrier: {
          type: 'string',
          description: 'Which carrier delivers it',
          enum: ['usps', 'ups', 'fedex', 'dhl'],
        },
      },
      required: ['tracking_number', 'carrier'],
    },
  },
  {
    name: 'check_stock',
    displayName: 'Check stock',
    description: 'Tell whether a product is in stock and how many are left, by its SKU.',
    method: 'GET',
    parameters: {
      type: 'object',
      properties: {
        sku: { type: 'string', description: 'The product SKU printed under the price, e.g. SKU-4471' },
        quantity: {
          type: 'integer',
          description: 'How many the customer wants',
          minimum: 1,
          maximum: 500,
        },
      },
      required: ['sku'],
    },
  },
  {
    name: 'find_promotions',
    displayName: 'Current promotions',
    description:
      'List the promotions running now (discount codes, sales, deals), optionally for one product category.',
    method: 'GET',
    conversation: { triggers: { phrases: ['discount code', 'any deals', 'on sale'] } },
    parameters: {
      type: 'object',
      properties: {
        category: {
          type: 'string',
          description: 'Product category',
          enum: ['shoes', 'outerwear', 'accessories', 'kids'],
        },
      },
    },
  },
  {
    name: 'get_store_hours',
    displayName: 'Store opening hours',
    description: 'Opening hours of one of our stores for each day of the week, including holidays.',
    method: 'GET',
    conversation: { triggers: { phrases: ['are you open', 'what are your hours', 'when do you close'] } },
    parameters: {
      type: 'object',
      properties: {
        store: {
          type: 'string',
          description: 'Which store',
          enum: ['downtown', 'airport', 'riverside'],
        },
      },
      required: ['store'],
    },
  },
  {
    name: 'book_table',
    displayName: 'Book a table',
    description: 'Reserve a table at the restaurant for a number of guests on a date and time.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        party_size: {
          type: 'integer',
          description: 'Number of guests',
          minimum: 1,
          maximum: 20,
        },
        date: { type: 'string', format: 'date', description: 'Day of the reservation' },
        time: timeOfDay('Time of the reservation'),
        name: { type: 'string', description: 'Name the table is booked under' },
        phone: { type: 'string', format: 'phone', description: 'Phone number to reach the guest' },
      },
      required: ['party_size', 'date', 'time', 'name', 'phone'],
    },
    conversation: { ...asks, triggers: { phrases: ['reserve a table', 'table for dinner', 'book a table'] } },
  },
  {
    name: 'book_appointment',
    displayName: 'Book a salon appointment',
    description: 'Book a salon appointment (haircut, colour, beard trim, manicure) on a date and time.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        service: {
          type: 'string',
          description: 'The treatment',
          enum: ['haircut', 'color', 'beard_trim', 'manicure'],
        },
        date: { type: 'string', format: 'date', description: 'Day of the appointment' },
        time: timeOfDay('Start time of the appointment'),
        phone: { type: 'string', format: 'phone', description: 'Mobile number for the reminder text' },
      },
      required: ['service', 'date', 'time', 'phone'],
    },
    conversation: asks,
  },
  {
    name: 'reschedule_appointment',
    displayName: 'Reschedule an appointment',
    description: 'Move an existing salon appointment to another date and time.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        booking_id: {
          type: 'string',
          description: 'The booking reference from the confirmation text',
          examples: ['BK-20417'],
        },
        new_date: { type: 'string', format: 'date', description: 'The new day' },
        new_time: timeOfDay('The new start time'),
      },
      required: ['booking_id', 'new_date', 'new_time'],
    },
    conversation: asks,
  },
  {
    name: 'cancel_booking',
    displayName: 'Cancel a booking',
    description: 'Cancel a table reservation or a salon appointment by its booking reference.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        booking_id: {
          type: 'string',
          description: 'The booking reference, like BK-20417',
          pattern: '^BK-[0-9]{5}$',
        },
      },
      required: ['booking_id'],
    },
    conversation: asks,
  },
  {
    name: 'capture_lead',
    displayName: 'Request a sales callback',
    description:
      'Pass a prospective customer to the sales team: someone who wants a quote, a demo or pricing for their company.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        name: { type: 'string', description: "The person's full name" },
        email: { type: 'string', format: 'email', description: 'Work email address' },
        company: { type: 'string', description: 'Company name' },
        team_size: { type: 'integer', description: 'How many people would use it', minimum: 1 },
      },
      required: ['name', 'email'],
    },
    conversation: asks,
  },
  {
    name: 'open_support_ticket',
    displayName: 'Open a support ticket',
    description:
      'Open a support ticket for a problem the customer has (something broken, an account issue) so a person follows up by email.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', description: 'Where support should reply' },
        problem: { type: 'string', description: 'What went wrong, in the customer’s words' },
        priority: {
          type: 'string',
          description: 'How urgent it is',
          enum: ['low', 'normal', 'urgent'],
        },
      },
      required: ['email', 'problem'],
    },
    conversation: asks,
  },
  {
    name: 'check_ticket_status',
    displayName: 'Check a ticket',
    description: 'Tell the customer where an existing support ticket stands, by its ticket id.',
    method: 'GET',
    parameters: {
      type: 'object',
      properties: {
        ticket_id: {
          type: 'string',
          description: 'The ticket id from the support email',
          examples: ['TCK-88123'],
        },
      },
      required: ['ticket_id'],
    },
  },
  {
    name: 'newsletter_signup',
    displayName: 'Subscribe to the newsletter',
    description: 'Sign a customer up for the monthly newsletter with news and offers, with their consent.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', description: 'Email address for the newsletter' },
        consent: {
          type: 'boolean',
          description: 'The customer agrees to receive marketing emails',
        },
      },
      required: ['email', 'consent'],
    },
    conversation: asks,
  },
  {
    name: 'check_return_status',
    displayName: 'Check a return',
    description:
      'Say where a returned parcel stands (on its way back, received, refunded) by its return authorization number.',
    method: 'GET',
    parameters: {
      type: 'object',
      properties: {
        return_number: { type: 'string', description: 'The return authorization number, e.g. RA-55120' },
      },
      required: ['return_number'],
    },
  },
  {
    name: 'resend_invoice',
    displayName: 'Resend an invoice',
    description: 'Email a copy of an invoice again, for the accounts department or a lost email.',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        invoice_number: { type: 'string', description: 'The invoice number, e.g. INV-2026-001' },
        email: { type: 'string', format: 'email', description: 'Where to send the copy' },
      },
      required: ['invoice_number', 'email'],
    },
    conversation: asks,
  },
];

/** The catalogue with every URL on the fake business at `base` (`https://host:port`). */
export function catalogueFor(base: string): Definition[] {
  return definitions.map((definition) => ({ ...definition, url: `${base}/${definition.name}` }));
}
