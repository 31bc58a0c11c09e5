import type { Dialogue } from '../dialogue.js';

/** A result with a list is read out as a list, with the values that matter, never as raw JSON. */
export const RESULTS: Dialogue[] = [
  {
    id: 're-orders-list',
    category: 'results',
    actions: ['list_my_orders', 'check_order_status'],
    turns: [
      {
        say: 'can you list my orders? email rosa@example.com',
        request: { action: 'list_my_orders', args: { email: 'rosa@example.com' } },
        reply: [/ORD-31001/, /ORD-31877/, /delivered/i, /shipped/i],
      },
    ],
  },
  {
    id: 're-hours-downtown-list',
    category: 'results',
    actions: ['get_store_hours'],
    turns: [
      {
        say: 'opening hours of the downtown store?',
        request: { action: 'get_store_hours', args: { store: 'downtown' } },
        reply: [/monday to friday/i, /saturday/i, /sunday/i, /20:00|8 ?pm/i],
      },
    ],
  },
  {
    id: 're-all-promotions',
    category: 'results',
    actions: ['find_promotions'],
    turns: [
      {
        say: 'what promotions are running right now?',
        request: { action: 'find_promotions', absent: ['category'] },
        reply: [/SPRING20/, /STEPUP15/, /KIDSFREE/, /20% off/i],
      },
    ],
  },
  {
    id: 're-tracking-scans',
    category: 'results',
    actions: ['track_shipment'],
    turns: [
      {
        say: 'where is my dhl parcel 1234567890',
        request: { action: 'track_shipment', args: { tracking_number: '1234567890', carrier: 'dhl' } },
        reply: [/newark/i, /memphis/i, /transit/i],
      },
    ],
  },
  {
    id: 're-no-orders',
    category: 'results',
    actions: ['list_my_orders'],
    turns: [
      {
        say: 'show me my orders, nobody@example.com',
        request: { action: 'list_my_orders', args: { email: 'nobody@example.com' } },
        reply: /no (recent )?orders|don.?t see any|couldn.?t find any|none/i,
      },
    ],
  },
  {
    id: 're-out-of-stock',
    category: 'results',
    actions: ['check_stock'],
    turns: [
      {
        say: 'is SKU-1200 in stock?',
        request: { action: 'check_stock', args: { sku: 'SKU-1200' } },
        reply: [/not in stock|out of stock|sold out|no\b/i, /2027-04-02|april 2/i],
      },
    ],
  },
  {
    id: 're-order-status-details',
    category: 'results',
    actions: ['check_order_status'],
    turns: [
      {
        say: "what's the status of ORD-12345",
        request: { action: 'check_order_status' },
        reply: [/shipped/i, /ups/i, /2027-03-25|march 25/i],
      },
    ],
  },
  {
    id: 're-refund-details',
    category: 'results',
    actions: ['request_refund'],
    turns: [
      { say: 'refund ORD-27182 please, it arrived scratched', confirms: true },
      {
        say: 'yes',
        request: { action: 'request_refund' },
        reply: [/RF-6610/, /\$42\.50/, /5-7 business days/i],
      },
    ],
  },
  {
    id: 're-ticket-created',
    category: 'results',
    actions: ['open_support_ticket'],
    turns: [
      {
        say: 'open a ticket: my password reset email never arrives. reply to tom@example.com',
        confirms: true,
      },
      { say: 'yes', request: { action: 'open_support_ticket' }, reply: [/TCK-90211/, /4 hours/i] },
    ],
  },
  {
    id: 're-hours-riverside-closed-days',
    category: 'results',
    actions: ['get_store_hours'],
    turns: [
      {
        say: 'riverside store hours',
        request: { action: 'get_store_hours', args: { store: 'riverside' } },
        reply: [/tuesday to saturday/i, /closed/i, /sunday and monday/i],
      },
    ],
  },
  {
    id: 're-promotions-one-category',
    category: 'results',
    actions: ['find_promotions'],
    turns: [
      {
        say: 'any deals on outerwear?',
        request: { action: 'find_promotions', args: { category: 'outerwear' } },
        reply: [/SPRING20/, /2027-04-30|april 30/i],
        notReply: /STEPUP15|KIDSFREE/,
      },
    ],
  },
];
