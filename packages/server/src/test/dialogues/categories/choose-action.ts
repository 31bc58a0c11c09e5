import type { Dialogue } from '../dialogue.js';
import { says } from '../dialogue.js';

/** Several actions share words; the right one is chosen, or the agent asks which one is meant. */
export const CHOOSE_ACTION: Dialogue[] = [
  {
    id: 'ca-shipped-is-order-status',
    category: 'choose_action',
    actions: ['check_order_status', 'track_shipment'],
    turns: [
      {
        say: 'has my order ORD-12345 shipped yet?',
        request: { action: 'check_order_status', args: { order_number: 'ORD-12345' } },
        reply: /shipped/i,
      },
    ],
  },
  {
    id: 'ca-parcel-with-tracking-is-shipment',
    category: 'choose_action',
    actions: ['check_order_status', 'track_shipment'],
    turns: [
      {
        say: "where's my parcel? USPS tracking 9400111899223817424242",
        request: {
          action: 'track_shipment',
          args: { tracking_number: '9400111899223817424242', carrier: 'usps' },
        },
      },
    ],
  },
  {
    id: 'ca-cancel-which-one',
    category: 'choose_action',
    actions: ['cancel_order', 'cancel_booking'],
    turns: [
      { say: 'I need to cancel', reply: [/order/i, /booking/i] },
      { say: 'the booking', asks: 'booking_id', reply: /booking reference|reference/i },
      { say: 'BK-20417', confirms: true },
      { say: 'yes', request: { action: 'cancel_booking', args: { booking_id: 'BK-20417' } } },
    ],
  },
  {
    id: 'ca-cancel-booking-by-id-shape',
    category: 'choose_action',
    actions: ['cancel_order', 'cancel_booking'],
    turns: [
      { say: 'cancel BK-30111 please', confirms: true, reply: /BK-30111/ },
      { say: 'yes', request: { action: 'cancel_booking', args: { booking_id: 'BK-30111' } } },
    ],
  },
  {
    id: 'ca-cancel-order-by-id-shape',
    category: 'choose_action',
    actions: ['cancel_order', 'cancel_booking', 'request_refund'],
    turns: [
      { say: 'please cancel ORD-24680 before it ships', confirms: true, reply: /ORD-24680/ },
      { say: 'yes', request: { action: 'cancel_order', args: { order_number: 'ORD-24680' } } },
    ],
  },
  {
    id: 'ca-ticket-update-not-new',
    category: 'choose_action',
    actions: ['open_support_ticket', 'check_ticket_status'],
    turns: [
      {
        say: "what's happening with TCK-88123? nobody got back to me",
        request: { action: 'check_ticket_status', args: { ticket_id: 'TCK-88123' } },
      },
    ],
  },
  {
    id: 'ca-ticket-new-problem',
    category: 'choose_action',
    actions: ['open_support_ticket', 'check_ticket_status'],
    turns: [
      {
        say: 'my printer driver crashes on install, can someone help? dev@example.com',
        confirms: true,
        reply: /dev@example\.com/,
      },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'dev@example.com', problem: /printer driver/i },
        },
      },
    ],
  },
  {
    id: 'ca-haircut-is-salon',
    category: 'choose_action',
    actions: ['book_table', 'book_appointment'],
    turns: [
      {
        say: 'I want to book a haircut',
        asks: 'date',
        reply: /date|day|when/i,
        notReply: /guests|party|people/i,
      },
    ],
  },
  {
    id: 'ca-booking-asks-which',
    category: 'choose_action',
    actions: ['book_table', 'book_appointment'],
    turns: [
      { say: "I'd like to make a booking", reply: [says.whichOne, /table/i, /salon|appointment/i] },
      { say: 'the table one', asks: 'party_size', reply: /guests|people|party|how many/i },
    ],
  },
  {
    id: 'ca-money-back-is-refund',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: 'the shoes were the wrong size, I want my money back for ORD-12121',
        confirms: true,
        reply: /refund/i,
      },
      {
        say: 'yes',
        request: { action: 'request_refund', args: { order_number: 'ORD-12121', reason: /wrong size/i } },
      },
    ],
  },
  {
    id: 'ca-available-is-stock',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: 'is SKU-4471 still available?',
        request: { action: 'check_stock', args: { sku: 'SKU-4471' }, absent: ['quantity'] },
        reply: /14|in stock/i,
      },
    ],
  },
  {
    id: 'ca-push-appointment-is-reschedule',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: "I can't make my appointment BK-20417, can we push it to April 16, 2027 at 4pm?",
        confirms: true,
      },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-04-16', new_time: '16:00' },
        },
      },
    ],
  },
  {
    id: 'ca-no-number-lists-orders',
    category: 'choose_action',
    actions: ['check_order_status', 'list_my_orders'],
    turns: [
      {
        say: "I don't have my order number, can you find my orders with my email rosa@example.com",
        request: { action: 'list_my_orders', args: { email: 'rosa@example.com' } },
        reply: /ORD-31001/,
      },
    ],
  },
  {
    id: 'ca-open-sunday-is-hours',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: 'are you open on sunday at the downtown store?',
        request: { action: 'get_store_hours', args: { store: 'downtown' } },
        reply: /sunday/i,
      },
    ],
  },
  {
    id: 'ca-cancel-which-then-order',
    category: 'choose_action',
    actions: ['cancel_order', 'cancel_booking'],
    turns: [
      { say: 'cancel it please', reply: [/order/i, /booking/i] },
      { say: 'my order ORD-11111', confirms: true, reply: /ORD-11111/ },
      { say: 'yes', request: { action: 'cancel_order', args: { order_number: 'ORD-11111' } } },
    ],
  },
  {
    id: 'ca-offers-by-email-is-newsletter',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: "I'd like to get your offers by email, ivy@example.com",
        asks: 'consent',
        reply: /agree|consent|marketing|offers/i,
      },
    ],
  },
  {
    id: 'ca-pricing-from-sales-is-lead',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: "can your sales team send me pricing? I'm Dev Shah, dev@shah.io",
        confirms: true,
        reply: /dev shah/i,
      },
      { say: 'yes', request: { action: 'capture_lead', args: { name: 'Dev Shah', email: 'dev@shah.io' } } },
    ],
  },
  {
    id: 'ca-sent-back-is-return-not-refund',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: "I sent the package back last week, what's happening with return RA-55120?",
        request: { action: 'check_return_status', args: { return_number: 'RA-55120' } },
        reply: /received/i,
      },
    ],
  },
  {
    id: 'ca-wheres-my-stuff-is-order-status',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: "where's my stuff? order ORD-12345",
        request: { action: 'check_order_status', args: { order_number: 'ORD-12345' } },
        reply: /shipped/i,
      },
    ],
  },
  {
    id: 'ca-cancel-hair-appointment-is-booking',
    category: 'choose_action',
    actions: 'all',
    turns: [
      { say: 'please cancel my hair appointment, it is BK-20417', confirms: true, reply: /BK-20417/ },
      { say: 'yes', request: { action: 'cancel_booking', args: { booking_id: 'BK-20417' } } },
    ],
  },
  {
    id: 'ca-change-appointment-time-is-reschedule',
    category: 'choose_action',
    actions: 'all',
    turns: [
      {
        say: 'can I change the time of my appointment BK-20417? May 21, 2027 at 2pm would work',
        confirms: true,
      },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-05-21', new_time: '14:00' },
        },
      },
    ],
  },
  {
    id: 'ca-status-asks-which',
    category: 'choose_action',
    actions: ['check_order_status', 'check_ticket_status', 'check_return_status'],
    turns: [
      { say: 'can you check the status for me?', reply: [/order/i, /ticket/i, /return/i] },
      { say: 'the return', asks: 'return_number', reply: /return/i },
      {
        say: 'RA-55120',
        request: { action: 'check_return_status', args: { return_number: 'RA-55120' } },
        reply: /received/i,
      },
    ],
  },
  {
    id: 'ca-status-ticket-id-shape-decides',
    category: 'choose_action',
    actions: ['check_order_status', 'check_ticket_status', 'check_return_status'],
    turns: [
      {
        say: 'status of TCK-88123 please',
        request: { action: 'check_ticket_status', args: { ticket_id: 'TCK-88123' } },
        reply: /waiting/i,
      },
    ],
  },
  {
    id: 'ca-status-return-id-shape-decides',
    category: 'choose_action',
    actions: ['check_order_status', 'check_ticket_status', 'check_return_status'],
    turns: [
      {
        say: 'status RA-55120?',
        request: { action: 'check_return_status', args: { return_number: 'RA-55120' } },
      },
    ],
  },
];
