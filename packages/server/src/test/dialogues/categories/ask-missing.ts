import type { Dialogue } from '../dialogue.js';

/** The customer gives nothing or little; the agent asks for one missing value at a time. */
export const ASK_MISSING: Dialogue[] = [
  {
    id: 'am-order-number',
    category: 'ask_missing',
    actions: ['check_order_status', 'track_shipment'],
    turns: [
      { say: "where's my order", asks: 'order_number', reply: /order number/i },
      {
        say: 'ORD-55555',
        request: { action: 'check_order_status', args: { order_number: 'ORD-55555' } },
        reply: /processing/i,
      },
    ],
  },
  {
    id: 'am-table-step-by-step',
    category: 'ask_missing',
    actions: ['book_table', 'get_store_hours'],
    turns: [
      {
        say: "I'd like to book a table",
        asks: 'party_size',
        reply: /guests|people|party|how many/i,
      },
      { say: '4', asks: 'date', reply: /date|day|when/i },
      { say: 'April 9, 2027', asks: 'time', reply: /time/i },
      { say: '7pm', asks: 'name', reply: /name/i },
      { say: 'Dana Lee', asks: 'phone', reply: /phone/i },
      { say: '212-555-0199', confirms: true, reply: /dana lee/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 4, date: '2027-04-09', time: '19:00', name: 'Dana Lee', phone: '+12125550199' },
        },
      },
    ],
  },
  {
    id: 'am-stock-sku',
    category: 'ask_missing',
    actions: ['check_stock', 'check_order_status'],
    turns: [
      { say: 'is this jacket in stock?', asks: 'sku', reply: /sku/i },
      {
        say: 'SKU-3321',
        request: { action: 'check_stock', args: { sku: 'SKU-3321' } },
        reply: /14|in stock/i,
      },
    ],
  },
  {
    id: 'am-track-then-carrier',
    category: 'ask_missing',
    actions: ['track_shipment'],
    turns: [
      { say: 'track my package', asks: 'tracking_number', reply: /tracking number/i },
      { say: '1Z999AA10123456784', asks: 'carrier', reply: /carrier|usps|ups|fedex/i },
      {
        say: 'UPS',
        request: {
          action: 'track_shipment',
          args: { tracking_number: '1Z999AA10123456784', carrier: 'ups' },
        },
      },
    ],
  },
  {
    id: 'am-newsletter-email-then-consent',
    category: 'ask_missing',
    actions: ['newsletter_signup'],
    turns: [
      { say: 'I want the newsletter', asks: 'email', reply: /email/i },
      { say: 'mia@example.com', asks: 'consent', reply: /agree|consent|marketing|offers/i },
      { say: 'yes', confirms: true, reply: /mia@example\.com/ },
      {
        say: 'yes',
        request: { action: 'newsletter_signup', args: { email: 'mia@example.com', consent: true } },
      },
    ],
  },
  {
    id: 'am-store-hours-which-store',
    category: 'ask_missing',
    actions: ['get_store_hours', 'find_promotions'],
    turns: [
      { say: 'what are your opening hours', asks: 'store', reply: [/store/i, /downtown/i] },
      {
        say: 'downtown',
        request: { action: 'get_store_hours', args: { store: 'downtown' } },
        reply: /9|09:00/,
      },
    ],
  },
  {
    id: 'am-refund-number-then-reason',
    category: 'ask_missing',
    actions: ['request_refund', 'check_order_status'],
    turns: [
      { say: 'I need a refund', asks: 'order_number', reply: /order number/i },
      { say: 'ORD-24242', asks: 'reason', reply: /reason|why/i },
      { say: 'it never arrived', confirms: true },
      {
        say: 'yes',
        request: { action: 'request_refund', args: { order_number: 'ORD-24242', reason: /never arrived/i } },
      },
    ],
  },
  {
    id: 'am-ticket-id',
    category: 'ask_missing',
    actions: ['check_ticket_status', 'open_support_ticket'],
    turns: [
      { say: 'any update on my ticket?', asks: 'ticket_id', reply: /ticket id|ticket number/i },
      { say: 'TCK-88123', request: { action: 'check_ticket_status', args: { ticket_id: 'TCK-88123' } } },
    ],
  },
  {
    id: 'am-salon-step-by-step',
    category: 'ask_missing',
    actions: ['book_appointment', 'book_table'],
    turns: [
      { say: 'can I book an appointment at the salon', asks: 'service', reply: /haircut|service|treatment/i },
      { say: 'manicure', asks: 'date', reply: /date|day|when/i },
      { say: 'June 4, 2027', asks: 'time', reply: /time/i },
      { say: '2:30pm', asks: 'phone', reply: /phone|mobile|number/i },
      { say: '786 555 0190', confirms: true, reply: /manicure/i },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'manicure', date: '2027-06-04', time: '14:30', phone: '+17865550190' },
        },
      },
    ],
  },
  {
    id: 'am-cancel-order-number',
    category: 'ask_missing',
    actions: ['cancel_order', 'check_order_status'],
    turns: [
      { say: 'cancel my order', asks: 'order_number', reply: /order number/i },
      { say: 'ORD-11223', confirms: true, reply: /ORD-11223/ },
      { say: 'yes', request: { action: 'cancel_order', args: { order_number: 'ORD-11223' } } },
    ],
  },
  {
    id: 'am-lead-name-then-email',
    category: 'ask_missing',
    actions: ['capture_lead', 'newsletter_signup'],
    turns: [
      { say: "I'd like a quote for my team", asks: 'name', reply: /name/i },
      { say: 'Ken Adams', asks: 'email', reply: /email/i },
      { say: 'ken@adamsco.com', confirms: true, reply: /ken adams/i },
      {
        say: 'yes',
        request: { action: 'capture_lead', args: { name: 'Ken Adams', email: 'ken@adamsco.com' } },
      },
    ],
  },
  {
    id: 'am-reschedule-step-by-step',
    category: 'ask_missing',
    actions: ['reschedule_appointment', 'book_appointment'],
    turns: [
      { say: 'I need to reschedule my appointment', asks: 'booking_id', reply: /booking/i },
      { say: 'BK-20417', asks: 'new_date', reply: /date|day|when/i },
      { say: 'May 21, 2027', asks: 'new_time', reply: /time/i },
      { say: 'noon', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-05-21', new_time: '12:00' },
        },
      },
    ],
  },
  {
    id: 'am-ticket-email-then-problem',
    category: 'ask_missing',
    actions: ['open_support_ticket', 'check_ticket_status'],
    turns: [
      { say: 'I need to open a support ticket', asks: 'email', reply: /email/i, notReply: /ticket id/i },
      { say: 'nora.b@example.com', asks: 'problem', reply: /problem|wrong|issue|happen/i },
      { say: 'The invoice PDF is blank', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'nora.b@example.com', problem: /invoice pdf is blank/i },
        },
        reply: /TCK-90211/,
      },
    ],
  },
];
