import type { Dialogue } from '../dialogue.js';

/** Several values in one sentence, each in its own parameter. */
export const MULTI_VALUE: Dialogue[] = [
  {
    id: 'mv-table-dana',
    category: 'multi_value',
    actions: ['book_table', 'book_appointment'],
    turns: [
      {
        say: "Table for four on Friday April 9, 2027 at 7:30pm, name's Dana, 212 555 0199",
        confirms: true,
        reply: [/dana/i, /4|four/i],
      },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 4, date: '2027-04-09', time: '19:30', name: 'Dana', phone: '+12125550199' },
        },
      },
    ],
  },
  {
    id: 'mv-table-digits-parenthesised-phone',
    category: 'multi_value',
    actions: ['book_table'],
    turns: [
      {
        say: 'Can I get a reservation for 2 people, May 21 2027, 8pm. Name Tom Becker, phone (646) 555-0182',
        confirms: true,
        reply: /tom becker/i,
      },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: {
            party_size: 2,
            date: '2027-05-21',
            time: '20:00',
            name: 'Tom Becker',
            phone: '+16465550182',
          },
        },
      },
    ],
  },
  {
    id: 'mv-salon-color',
    category: 'multi_value',
    actions: ['book_appointment', 'book_table'],
    turns: [
      { say: 'color appointment june 4 2027 at 10 am, text me at 917 555 0110', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'color', date: '2027-06-04', time: '10:00', phone: '+19175550110' },
        },
      },
    ],
  },
  {
    id: 'mv-table-a-dozen',
    category: 'multi_value',
    actions: ['book_table'],
    turns: [
      {
        say: "a dozen of us want dinner on April 16, 2027 at 6:45 pm, it's under Marco, call 312-555-0147",
        confirms: true,
        reply: /12|twelve/i,
      },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 12, date: '2027-04-16', time: '18:45', name: 'Marco', phone: '+13125550147' },
        },
      },
    ],
  },
  {
    id: 'mv-reschedule-iso',
    category: 'multi_value',
    actions: ['reschedule_appointment', 'cancel_booking'],
    turns: [
      { say: 'BK-30555 needs to move to 2027-05-07 at 14:00', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-30555', new_date: '2027-05-07', new_time: '14:00' },
        },
      },
    ],
  },
  {
    id: 'mv-lead-company-team',
    category: 'multi_value',
    actions: ['capture_lead', 'newsletter_signup'],
    turns: [
      {
        say: "Hi, I'm Sam Ortiz from Blue Finch Labs, we're about 40 people and want pricing, reach me at sam@bluefinch.io",
        confirms: true,
      },
      {
        say: 'yes',
        request: {
          action: 'capture_lead',
          args: { name: /sam ortiz/i, email: 'sam@bluefinch.io', company: /blue finch labs/i, team_size: 40 },
        },
      },
    ],
  },
  {
    id: 'mv-ticket-urgent',
    category: 'multi_value',
    actions: ['open_support_ticket', 'check_ticket_status'],
    turns: [
      {
        say: 'my login keeps failing with error 403, this is urgent, please open a ticket and write to me at lee.wong@example.org',
        confirms: true,
      },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'lee.wong@example.org', priority: 'urgent', problem: /login/i },
        },
      },
    ],
  },
  {
    id: 'mv-track-fedex',
    category: 'multi_value',
    actions: ['track_shipment', 'check_order_status'],
    turns: [
      {
        say: 'fedex tracking 612345678901, where is it?',
        request: { action: 'track_shipment', args: { tracking_number: '612345678901', carrier: 'fedex' } },
        reply: /transit|memphis/i,
      },
    ],
  },
  {
    id: 'mv-stock-quantity',
    category: 'multi_value',
    actions: ['check_stock', 'find_promotions'],
    turns: [
      {
        say: 'do you have 3 of SKU-2290 available?',
        request: { action: 'check_stock', args: { sku: 'SKU-2290', quantity: 3 } },
      },
    ],
  },
  {
    id: 'mv-table-then-name-and-phone',
    category: 'multi_value',
    actions: ['book_table'],
    turns: [
      {
        say: 'table for 6 on March 26, 2027 at 8:15pm',
        asks: 'name',
        reply: /name/i,
      },
      { say: 'Chris Patel, 202-555-0173', confirms: true, reply: /chris patel/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: {
            party_size: 6,
            date: '2027-03-26',
            time: '20:15',
            name: 'Chris Patel',
            phone: '+12025550173',
          },
        },
      },
    ],
  },
  {
    id: 'mv-salon-half-past-five',
    category: 'multi_value',
    actions: ['book_appointment'],
    turns: [
      { say: 'beard trim on May 21 2027, half past five in the afternoon, 305 555 0161', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'beard_trim', date: '2027-05-21', time: '17:30', phone: '+13055550161' },
        },
      },
    ],
  },
  {
    id: 'mv-table-three-at-3pm',
    category: 'multi_value',
    actions: ['book_table', 'book_appointment'],
    turns: [
      { say: 'for 3 people at 3pm on April 9 2027, under Ana, 617-555-0123', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 3, date: '2027-04-09', time: '15:00', name: 'Ana', phone: '+16175550123' },
        },
      },
    ],
  },
  {
    id: 'mv-table-tomorrow',
    category: 'multi_value',
    actions: ['book_table', 'get_store_hours'],
    turns: [
      { say: 'table for 2 tomorrow at 7pm, name Jo Park, 212 555 0142', confirms: true, reply: /jo park/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: {
            party_size: 2,
            date: '2027-03-11',
            time: '19:00',
            name: 'Jo Park',
            phone: '+12125550142',
          },
        },
      },
    ],
  },
  {
    id: 'mv-invoice-and-email',
    category: 'multi_value',
    actions: ['resend_invoice', 'newsletter_signup', 'open_support_ticket'],
    turns: [
      {
        say: 'please resend invoice INV-2026-014 to billing@hale.example',
        confirms: true,
        reply: [/INV-2026-014/, /billing@hale\.example/],
      },
      {
        say: 'yes',
        request: {
          action: 'resend_invoice',
          args: { invoice_number: 'INV-2026-014', email: 'billing@hale.example' },
        },
      },
    ],
  },
  {
    id: 'mv-table-this-friday',
    category: 'multi_value',
    actions: ['book_table', 'book_appointment', 'get_store_hours'],
    turns: [
      { say: "Table for four this Friday at 7:30pm, name's Dana, 212 555 0199", confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 4, date: '2027-03-12', time: '19:30', name: 'Dana', phone: '+12125550199' },
        },
      },
    ],
  },
];
