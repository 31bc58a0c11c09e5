import type { Dialogue } from '../dialogue.js';

/** Everything the action needs is in the first message: no question is asked. */
export const ONE_SHOT: Dialogue[] = [
  {
    id: 'os-order-status',
    category: 'one_shot',
    actions: ['check_order_status', 'cancel_order'],
    turns: [
      {
        say: 'Where is my order ORD-12345?',
        request: { action: 'check_order_status', args: { order_number: 'ORD-12345' } },
        reply: /shipped/i,
      },
    ],
  },
  {
    id: 'os-order-lowercase-no-pattern',
    category: 'one_shot',
    actions: 'all',
    turns: [
      {
        say: 'hey can u check on order ord-77777',
        request: { action: 'check_order_status', args: { order_number: 'ORD-77777' } },
        reply: /delivered/i,
      },
    ],
  },
  {
    id: 'os-stock-sku',
    category: 'one_shot',
    actions: ['check_stock', 'find_promotions'],
    turns: [
      {
        say: 'Do you have SKU-4471 in stock?',
        request: { action: 'check_stock', args: { sku: 'SKU-4471' }, absent: ['quantity'] },
        reply: /14|in stock/i,
      },
    ],
  },
  {
    id: 'os-track-ups',
    category: 'one_shot',
    actions: ['track_shipment', 'check_order_status'],
    turns: [
      {
        say: 'Track my UPS parcel 1Z999AA10123456784 please',
        request: {
          action: 'track_shipment',
          args: { tracking_number: '1Z999AA10123456784', carrier: 'ups' },
        },
        reply: /transit|memphis/i,
      },
    ],
  },
  {
    id: 'os-store-hours-airport',
    category: 'one_shot',
    actions: ['get_store_hours', 'book_table'],
    turns: [
      {
        say: 'What time does the airport store open?',
        request: { action: 'get_store_hours', args: { store: 'airport' } },
        reply: /6|06:00/,
      },
    ],
  },
  {
    id: 'os-cancel-order',
    category: 'one_shot',
    actions: ['cancel_order', 'check_order_status'],
    turns: [
      { say: 'Please cancel order ORD-24680', confirms: true, reply: /ORD-24680/ },
      {
        say: 'yes',
        request: { action: 'cancel_order', args: { order_number: 'ORD-24680' } },
        reply: /cancel/i,
      },
    ],
  },
  {
    id: 'os-refund-with-reason',
    category: 'one_shot',
    actions: ['request_refund', 'check_order_status', 'cancel_order'],
    turns: [
      { say: 'I want a refund for ORD-13579, the jacket arrived torn', confirms: true, reply: /torn/i },
      {
        say: 'yes',
        request: { action: 'request_refund', args: { order_number: 'ORD-13579', reason: /torn/i } },
        reply: /refund|approved/i,
      },
    ],
  },
  {
    id: 'os-newsletter-consent',
    category: 'one_shot',
    actions: ['newsletter_signup', 'capture_lead'],
    turns: [
      {
        say: 'Sign me up for the newsletter with jo.kim@example.com, and yes you can email me offers',
        confirms: true,
        reply: /jo\.kim@example\.com/i,
      },
      {
        say: 'yes',
        request: { action: 'newsletter_signup', args: { email: 'jo.kim@example.com', consent: true } },
      },
    ],
  },
  {
    id: 'os-ticket-status',
    category: 'one_shot',
    actions: ['check_ticket_status', 'open_support_ticket'],
    turns: [
      {
        say: "What's the status of ticket TCK-88123?",
        request: { action: 'check_ticket_status', args: { ticket_id: 'TCK-88123' } },
        reply: /waiting/i,
      },
    ],
  },
  {
    id: 'os-cancel-booking',
    category: 'one_shot',
    actions: ['cancel_booking', 'book_table'],
    turns: [
      { say: 'Cancel booking BK-20417 please', confirms: true, reply: /BK-20417/ },
      { say: 'yes please', request: { action: 'cancel_booking', args: { booking_id: 'BK-20417' } } },
    ],
  },
  {
    id: 'os-salon-haircut',
    category: 'one_shot',
    actions: ['book_appointment', 'reschedule_appointment', 'cancel_booking'],
    turns: [
      {
        say: 'Book me a haircut on April 9, 2027 at 3pm, my cell is 415-555-0134',
        confirms: true,
        reply: /haircut/i,
      },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'haircut', date: '2027-04-09', time: '15:00', phone: '+14155550134' },
        },
      },
    ],
  },
  {
    id: 'os-promotions-shoes',
    category: 'one_shot',
    actions: ['find_promotions', 'check_stock'],
    turns: [
      {
        say: 'Are there any promotions on shoes right now?',
        request: { action: 'find_promotions', args: { category: 'shoes' } },
        reply: /STEPUP15/,
      },
    ],
  },
  {
    id: 'os-lead-demo',
    category: 'one_shot',
    actions: ['capture_lead', 'open_support_ticket', 'newsletter_signup'],
    turns: [
      {
        say: "I'd like a demo. I'm Priya Nair, priya@acmerobotics.com",
        confirms: true,
        reply: /priya@acmerobotics\.com/i,
      },
      {
        say: 'yes',
        request: { action: 'capture_lead', args: { name: /priya nair/i, email: 'priya@acmerobotics.com' } },
      },
    ],
  },
  {
    id: 'os-reschedule',
    category: 'one_shot',
    actions: ['reschedule_appointment', 'book_appointment', 'cancel_booking'],
    turns: [
      { say: 'Can you move my appointment BK-20417 to May 7, 2027 at 11:30am?', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-05-07', new_time: '11:30' },
        },
      },
    ],
  },
  {
    id: 'os-beard-trim-today',
    category: 'one_shot',
    actions: ['book_appointment', 'book_table'],
    turns: [
      { say: 'can I get a beard trim today at 5pm? 305 555 0161', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'beard_trim', date: '2027-03-10', time: '17:00', phone: '+13055550161' },
        },
      },
    ],
  },
  {
    id: 'os-value-before-intent-return',
    category: 'one_shot',
    actions: ['check_return_status', 'check_order_status', 'request_refund'],
    turns: [
      {
        say: "Can you look up RA-99812 for me, I think it's late",
        request: { action: 'check_return_status', args: { return_number: 'RA-99812' } },
        reply: /received/i,
      },
    ],
  },
];
