import type { Dialogue } from '../dialogue.js';
import { says } from '../dialogue.js';

/** Wording a person would never use: a display name pasted in as a verb, or the backend's internals. */
const robotic = [/couldn.?t (order status|store opening|current promotions)\b/i, /upstream|database|stack/i];

/** The backend fails: the agent says so honestly, as a person would, and retries once when asked. */
export const FAILURES: Dialogue[] = [
  {
    id: 'fa-order-backend-down',
    category: 'failures',
    actions: ['check_order_status', 'cancel_order'],
    turns: [
      {
        say: 'where is ORD-50000?',
        request: { action: 'check_order_status', args: { order_number: 'ORD-50000' } },
        reply: says.failed,
        notReply: [/shipped|processing|delivered/i, ...robotic],
      },
    ],
  },
  {
    id: 'fa-order-not-found',
    category: 'failures',
    actions: ['check_order_status'],
    turns: [
      {
        say: 'status of ORD-40400 please',
        request: { action: 'check_order_status', args: { order_number: 'ORD-40400' } },
        reply: /couldn.?t find|no order|not find|not found/i,
        notReply: robotic,
      },
    ],
  },
  {
    id: 'fa-try-again-succeeds',
    category: 'failures',
    actions: ['check_order_status', 'cancel_order'],
    turns: [
      {
        say: 'where is my order ORD-50301?',
        request: { action: 'check_order_status', args: { order_number: 'ORD-50301' } },
        reply: says.failed,
      },
      {
        say: 'can you try again?',
        request: { action: 'check_order_status', args: { order_number: 'ORD-50301' } },
        reply: /processing/i,
      },
    ],
  },
  {
    id: 'fa-try-again-fails-again',
    category: 'failures',
    actions: ['check_order_status'],
    turns: [
      { say: 'check order ORD-50000', request: { action: 'check_order_status' }, reply: says.failed },
      {
        say: 'please try again',
        request: { action: 'check_order_status', args: { order_number: 'ORD-50000' } },
        reply: says.failed,
        notReply: /shipped|processing/i,
      },
    ],
  },
  {
    id: 'fa-stock-service-crash',
    category: 'failures',
    actions: ['check_stock'],
    turns: [
      {
        say: 'is SKU-5000 in stock?',
        request: { action: 'check_stock', args: { sku: 'SKU-5000' } },
        reply: says.failed,
        notReply: [/\bin stock\b(?!.*\?)/i, ...robotic],
      },
    ],
  },
  {
    id: 'fa-unknown-sku',
    category: 'failures',
    actions: ['check_stock'],
    turns: [
      {
        say: 'do you have SKU-0000?',
        request: { action: 'check_stock', args: { sku: 'SKU-0000' } },
        reply: /unknown|couldn.?t find|not find|no product|sku/i,
      },
    ],
  },
  {
    id: 'fa-closed-day-reason-passed-on',
    category: 'failures',
    actions: ['book_table'],
    turns: [
      { say: 'table for 2 on December 25, 2027 at 7pm, Ray, 212 555 0177', confirms: true },
      { say: 'yes', request: { action: 'book_table', args: { date: '2027-12-25' } }, reply: /closed/i },
    ],
  },
  {
    id: 'fa-party-too-big',
    category: 'failures',
    actions: ['book_table'],
    turns: [
      { say: 'we are 15 people, April 9, 2027 at 7pm, name Rossi, 212 555 0155', confirms: true },
      { say: 'yes', request: { action: 'book_table', args: { party_size: 15 } }, reply: /12|call/i },
    ],
  },
  {
    id: 'fa-cancel-already-shipped',
    category: 'failures',
    actions: ['cancel_order', 'check_order_status'],
    turns: [
      { say: 'cancel ORD-12345', confirms: true },
      {
        say: 'yes',
        request: { action: 'cancel_order', args: { order_number: 'ORD-12345' } },
        reply: /already shipped|can no longer|can.?t be cancelled/i,
        notReply: /has been cancelled|is cancelled/i,
      },
    ],
  },
  {
    id: 'fa-carrier-timeout',
    category: 'failures',
    actions: ['track_shipment'],
    turns: [
      {
        say: 'track ups 1Z999AA10123450000',
        request: {
          action: 'track_shipment',
          args: { tracking_number: '1Z999AA10123450000', carrier: 'ups' },
        },
        reply: says.failed,
        notReply: [/transit/i, ...robotic],
      },
    ],
  },
  {
    id: 'fa-helpdesk-down-retry',
    category: 'failures',
    actions: ['open_support_ticket'],
    turns: [
      { say: 'open a ticket: the export button is greyed out. me@down.example', confirms: true },
      { say: 'yes', request: { action: 'open_support_ticket' }, reply: says.failed },
      {
        say: 'could you try that again?',
        request: { action: 'open_support_ticket', args: { email: 'me@down.example' } },
        reply: says.failed,
      },
    ],
  },
  {
    id: 'fa-cancel-booking-retry',
    category: 'failures',
    actions: ['cancel_booking'],
    turns: [
      { say: 'cancel booking BK-50302', confirms: true },
      { say: 'yes', request: { action: 'cancel_booking' }, reply: says.failed },
      {
        say: 'try again please',
        request: { action: 'cancel_booking', args: { booking_id: 'BK-50302' } },
        reply: /cancel/i,
        notReply: says.failed,
      },
    ],
  },
  {
    id: 'fa-return-not-found',
    category: 'failures',
    actions: ['check_return_status', 'check_order_status'],
    turns: [
      {
        say: 'any news on my return RA-40400?',
        request: { action: 'check_return_status', args: { return_number: 'RA-40400' } },
        reply: /couldn.?t find|no return|not find|not found/i,
      },
    ],
  },
];
