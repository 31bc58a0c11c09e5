import type { Dialogue } from '../dialogue.js';

/** The intent is buried in a long explanation, sometimes with an email or a voice transcript. */
export const LONG_MESSAGES: Dialogue[] = [
  {
    id: 'lm-ticket-with-email',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "Hello, I've been using your app for about two years and never had an issue, but since the update last Tuesday every time I try to export my reports to PDF the screen goes white and nothing downloads. I tried two browsers and cleared the cache. Could someone from support look into it and get back to me at maria.gonzalez@example.com? Thanks.",
        confirms: true,
        reply: /maria\.gonzalez@example\.com/,
      },
      {
        say: 'yes',
        request: {
          action: 'open_support_ticket',
          args: { email: 'maria.gonzalez@example.com', problem: /export|pdf/i },
        },
      },
    ],
  },
  {
    id: 'lm-order-birthday',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "Hi, so I ordered a birthday present for my nephew two weeks ago and the site said it would be here by now. His party is this weekend and I'm getting a bit nervous about it. The order number is ORD-12345. Could you tell me where it is?",
        request: { action: 'check_order_status', args: { order_number: 'ORD-12345' } },
        reply: /shipped/i,
      },
    ],
  },
  {
    id: 'lm-refund-broken-lamp',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: 'Good afternoon. The lamp I bought from you arrived yesterday and the glass shade was in pieces inside the box, it looks like it was not packed properly at all. I really do not want a replacement because I needed it for an event that is now over, so I would just like my money back please. It was order ORD-31313.',
        confirms: true,
        reply: /ORD-31313/,
      },
      { say: 'yes', request: { action: 'request_refund', args: { order_number: 'ORD-31313' } } },
    ],
  },
  {
    id: 'lm-table-anniversary',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: 'My wife and I are celebrating our tenth anniversary and we had our first date at your restaurant, so it would mean a lot to come back. Could we reserve a table for two on May 21, 2027 at 8pm? The booking can be under Hughes, and my number is 646 555 0188 if anything changes.',
        confirms: true,
        reply: /hughes/i,
      },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 2, date: '2027-05-21', time: '20:00', name: 'Hughes', phone: '+16465550188' },
        },
      },
    ],
  },
  {
    id: 'lm-stock-boots',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "I've been looking for winter boots for my daughter for weeks, every shop near us is sold out in her size. I saw a pair on your website, the product page says SKU-4471 under the price. Before I drive over, can you tell me if you actually have them in stock?",
        request: { action: 'check_stock', args: { sku: 'SKU-4471' }, absent: ['quantity'] },
      },
    ],
  },
  {
    id: 'lm-lead-evaluation',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "We're a logistics company of about 120 people and we're evaluating a few tools to replace our current scheduling system before the end of the quarter. Someone on your sales team should probably call me to talk pricing and a demo. I'm Oliver Grant, oliver.grant@shipwell.example.",
        confirms: true,
      },
      {
        say: 'yes',
        request: {
          action: 'capture_lead',
          args: { name: /oliver grant/i, email: 'oliver.grant@shipwell.example', team_size: 120 },
        },
      },
    ],
  },
  {
    id: 'lm-newsletter-after-visit',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: 'I visited your downtown store last week and the staff were lovely, they mentioned you send out a monthly email with new arrivals and discounts. I would love to get that, you have my permission to email me offers at chloe.b@example.com',
        confirms: true,
      },
      {
        say: 'yes',
        request: { action: 'newsletter_signup', args: { email: 'chloe.b@example.com', consent: true } },
      },
    ],
  },
  {
    id: 'lm-reschedule-work-trip',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "Hi there, I have a colour appointment booked with you, the reference is BK-20417, but my boss just sent me on a work trip that week and I won't be back in time. Would it be possible to move it to June 4, 2027 at 10:30am instead? Sorry for the trouble.",
        confirms: true,
      },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-06-04', new_time: '10:30' },
        },
      },
    ],
  },
  {
    id: 'lm-voice-fedex-no-punctuation',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "yeah hi um so I got this email saying my package is on the way with fedex and the tracking number is 612345678901 but it's been like a week and nothing showed up so can you check where it is",
        request: { action: 'track_shipment', args: { tracking_number: '612345678901', carrier: 'fedex' } },
      },
    ],
  },
  {
    id: 'lm-cancel-booking-sick',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "Unfortunately half of our group came down with the flu and we won't be able to make it to dinner. I feel terrible because I know it's short notice. Please cancel our reservation, booking BK-44120, and hopefully we can come another time.",
        confirms: true,
        reply: /BK-44120/,
      },
      { say: 'yes', request: { action: 'cancel_booking', args: { booking_id: 'BK-44120' } } },
    ],
  },
  {
    id: 'lm-hours-airport-early-flight',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: "My sister and I are flying out very early tomorrow and she forgot her charger at home. We'll be at the terminal around 6am. Is your airport store open that early, or will we have to buy one at the gate?",
        request: { action: 'get_store_hours', args: { store: 'airport' } },
        reply: /6|06:00/,
      },
    ],
  },
  {
    id: 'lm-invoice-for-accounts',
    category: 'long_messages',
    actions: 'all',
    turns: [
      {
        say: 'Hi, I handle the books for a small bakery and our accountant is asking for a copy of the invoice from our last big order, the number on my bank statement reference is INV-2026-031. Our old email got deleted when we switched providers, so could you send it to accounts@crumbandco.example instead?',
        confirms: true,
        reply: /INV-2026-031/,
      },
      {
        say: 'yes',
        request: {
          action: 'resend_invoice',
          args: { invoice_number: 'INV-2026-031', email: 'accounts@crumbandco.example' },
        },
      },
    ],
  },
];
