import type { Dialogue } from '../dialogue.js';
import { says } from '../dialogue.js';

/** While the agent asks for a free-text value, the whole answer is that value, never a new intent. */
export const FREE_TEXT: Dialogue[] = [
  {
    id: 'ft-problem-mentions-cancel',
    category: 'free_text',
    actions: 'all',
    turns: [
      { say: 'I need to open a support ticket', asks: 'email', reply: /email/i },
      { say: 'jo@example.com', asks: 'problem', reply: /problem|wrong|issue|happen/i },
      {
        say: 'I want to cancel my subscription but the button does nothing',
        confirms: true,
        notReply: says.whichOne,
      },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'jo@example.com', problem: /cancel my subscription but the button does nothing/i },
        },
      },
    ],
  },
  {
    id: 'ft-reason-sounds-like-order-status',
    category: 'free_text',
    actions: 'all',
    turns: [
      { say: 'refund ORD-36912 please', asks: 'reason', reply: /reason|why/i },
      { say: 'where is my order? it never came', confirms: true },
      {
        say: 'yes',
        request: { action: 'request_refund', args: { order_number: 'ORD-36912', reason: /never came/i } },
      },
    ],
  },
  {
    id: 'ft-problem-with-order-number',
    category: 'free_text',
    actions: 'all',
    turns: [
      {
        say: 'open a ticket for me, my email is pat@example.com',
        asks: 'problem',
        reply: /problem|wrong|issue|happen/i,
      },
      { say: 'my order ORD-12345 shows delivered but I got nothing', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'pat@example.com', problem: /ORD-12345 shows delivered but I got nothing/i },
        },
      },
    ],
  },
  {
    id: 'ft-reason-with-cancel-word',
    category: 'free_text',
    actions: ['request_refund', 'cancel_order', 'cancel_booking'],
    turns: [
      { say: 'I want a refund on ORD-40001', asks: 'reason', reply: /reason|why/i },
      {
        say: 'I tried to cancel but it shipped anyway, wrong colour too',
        confirms: true,
        notReply: says.whichOne,
      },
      {
        say: 'yes',
        request: { action: 'request_refund', args: { order_number: 'ORD-40001', reason: /wrong colour/i } },
      },
    ],
  },
  {
    id: 'ft-problem-starts-with-hi',
    category: 'free_text',
    actions: ['open_support_ticket', 'check_ticket_status'],
    turns: [
      {
        say: 'I have a problem, can you open a ticket? sam@example.net',
        asks: 'problem',
        reply: /problem|wrong|issue|happen/i,
      },
      { say: 'hi, the app crashes when I open settings', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'sam@example.net', problem: /app crashes when I open settings/i },
        },
      },
    ],
  },
  {
    id: 'ft-problem-with-numbers',
    category: 'free_text',
    actions: ['open_support_ticket', 'check_stock'],
    turns: [
      {
        say: 'please file a support ticket, reply to kai@example.com',
        asks: 'problem',
        reply: /problem|wrong|issue|happen/i,
      },
      { say: 'error code 500 on the checkout page after 3 tries', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'kai@example.com', problem: /error code 500 on the checkout page after 3 tries/i },
        },
      },
    ],
  },
  {
    id: 'ft-name-that-is-a-month',
    category: 'free_text',
    actions: ['book_table'],
    turns: [
      { say: 'table for 2 on May 7, 2027 at 8pm', asks: 'name', reply: /name/i },
      { say: 'April Lee', asks: 'phone', reply: /phone/i },
      { say: '212 555 0123', confirms: true, reply: /april lee/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: {
            party_size: 2,
            date: '2027-05-07',
            time: '20:00',
            name: 'April Lee',
            phone: '+12125550123',
          },
        },
      },
    ],
  },
  {
    id: 'ft-problem-is-help',
    category: 'free_text',
    actions: ['open_support_ticket', 'check_ticket_status', 'capture_lead'],
    turns: [
      { say: 'open a ticket, ana@example.com', asks: 'problem', reply: /problem|wrong|issue|happen/i },
      { say: "help, I can't log in to my account", confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'ana@example.com', problem: /can.?t log in to my account/i },
        },
      },
    ],
  },
  {
    id: 'ft-reason-mentions-booking',
    category: 'free_text',
    actions: 'all',
    turns: [
      { say: 'I need my money back for ORD-51515', asks: 'reason', reply: /reason|why/i },
      { say: 'I booked a table for the party and the decorations came too late', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'request_refund',
          args: { order_number: 'ORD-51515', reason: /decorations came too late/i },
        },
      },
    ],
  },
  {
    id: 'ft-name-with-book-word',
    category: 'free_text',
    actions: ['book_table', 'book_appointment'],
    turns: [
      { say: 'a table for 3 on April 16, 2027 at 7:30pm', asks: 'name', reply: /name/i },
      { say: 'Jordan Booker', asks: 'phone', reply: /phone/i, notReply: says.whichOne },
      { say: '917 555 0144', confirms: true, reply: /jordan booker/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: {
            party_size: 3,
            date: '2027-04-16',
            time: '19:30',
            name: 'Jordan Booker',
            phone: '+19175550144',
          },
        },
      },
    ],
  },
  {
    id: 'ft-reason-with-store-words',
    category: 'free_text',
    actions: 'all',
    turns: [
      { say: 'refund for ORD-62626', asks: 'reason', reply: /reason|why/i },
      { say: 'the downtown store said it was out of stock after I paid', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'request_refund',
          args: { order_number: 'ORD-62626', reason: /out of stock after I paid/i },
        },
      },
    ],
  },
  {
    id: 'ft-reason-with-another-order-number',
    category: 'free_text',
    actions: ['request_refund', 'check_order_status', 'cancel_order'],
    turns: [
      { say: 'refund for ORD-70707', asks: 'reason', reply: /reason|why/i },
      { say: 'ORD-80808 was meant to replace it and never shipped', confirms: true, reply: /ORD-70707/ },
      {
        say: 'yes',
        request: {
          action: 'request_refund',
          args: { order_number: 'ORD-70707', reason: /ORD-80808 was meant to replace it/i },
        },
      },
    ],
  },
  {
    id: 'ft-reason-starts-with-never-mind',
    category: 'free_text',
    actions: ['request_refund', 'cancel_order'],
    turns: [
      { say: 'I want a refund for ORD-90909', asks: 'reason', reply: /reason|why/i },
      { say: 'never mind the dented box, the blender itself does not turn on', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'request_refund',
          args: { order_number: 'ORD-90909', reason: /blender itself does not turn on/i },
        },
      },
    ],
  },
  {
    id: 'ft-problem-starts-with-no',
    category: 'free_text',
    actions: ['open_support_ticket', 'newsletter_signup'],
    turns: [
      {
        say: 'open a support ticket please, liz@example.com',
        asks: 'problem',
        reply: /problem|wrong|issue|happen/i,
      },
      { say: 'no emails from you arrive at all, not even receipts', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'liz@example.com', problem: /no emails from you arrive at all/i },
        },
      },
    ],
  },
  {
    id: 'ft-problem-starts-with-actually',
    category: 'free_text',
    actions: ['open_support_ticket', 'check_ticket_status'],
    turns: [
      {
        say: 'I need a ticket opened, ben@example.com',
        asks: 'problem',
        reply: /problem|wrong|issue|happen/i,
      },
      { say: "actually it's the mobile app, it logs me out every few minutes", confirms: true },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'ben@example.com', problem: /logs me out every few minutes/i },
        },
      },
    ],
  },
  {
    id: 'ft-name-said-as-sentence',
    category: 'free_text',
    actions: ['capture_lead'],
    turns: [
      { say: "I'd like someone from sales to call me about pricing", asks: 'name', reply: /name/i },
      { say: 'my name is Grace Hopper', asks: 'email', reply: /email/i },
      { say: 'grace@navy.example', confirms: true, reply: /grace hopper/i },
      {
        say: 'yes',
        request: { action: 'capture_lead', args: { name: 'Grace Hopper', email: 'grace@navy.example' } },
      },
    ],
  },
];
