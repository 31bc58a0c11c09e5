import type { Dialogue } from '../dialogue.js';

/** Typos, synonyms, spoken emails and phones, number words: the value as the backend wants it. */
export const NORMALIZATION: Dialogue[] = [
  {
    id: 'no-typo-dispached',
    category: 'normalization',
    actions: ['check_order_status', 'track_shipment', 'cancel_order'],
    turns: [
      {
        say: 'has my order ORD-12345 been dispached?',
        request: { action: 'check_order_status', args: { order_number: 'ORD-12345' } },
      },
    ],
  },
  {
    id: 'no-coupon-is-promotion',
    category: 'normalization',
    actions: ['find_promotions', 'check_stock', 'check_order_status'],
    turns: [
      {
        say: 'got any coupon codes?',
        request: { action: 'find_promotions', absent: ['category'] },
        reply: /SPRING20/,
      },
    ],
  },
  {
    id: 'no-us-postal-service',
    category: 'normalization',
    actions: ['track_shipment'],
    turns: [
      {
        say: "tracking number 9400111899223817424242, it's coming with the US Postal Service",
        request: {
          action: 'track_shipment',
          args: { tracking_number: '9400111899223817424242', carrier: 'usps' },
        },
      },
    ],
  },
  {
    id: 'no-spoken-email',
    category: 'normalization',
    actions: ['newsletter_signup'],
    turns: [
      {
        say: 'sign me up for the newsletter, my email is ella dot stone at gmail dot com, and yes I agree to get offers',
        confirms: true,
        reply: /ella\.stone@gmail\.com/,
      },
      {
        say: 'yes',
        request: { action: 'newsletter_signup', args: { email: 'ella.stone@gmail.com', consent: true } },
      },
    ],
  },
  {
    id: 'no-two-of-us',
    category: 'normalization',
    actions: ['book_table'],
    turns: [
      { say: 'just the two of us, May 7 2027 at 7 pm, name Kim, 415 555 0102', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 2, date: '2027-05-07', time: '19:00', name: 'Kim', phone: '+14155550102' },
        },
      },
    ],
  },
  {
    id: 'no-spoken-phone',
    category: 'normalization',
    actions: ['book_appointment'],
    turns: [
      { say: 'manicure on June 4, 2027 at 1pm', asks: 'phone', reply: /phone|number/i },
      { say: 'four one five, five five five, zero one nine eight', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'manicure', date: '2027-06-04', time: '13:00', phone: '+14155550198' },
        },
      },
    ],
  },
  {
    id: 'no-federal-express',
    category: 'normalization',
    actions: ['track_shipment', 'check_order_status'],
    turns: [
      {
        say: "it's Federal Express, tracking number 612345678901",
        request: { action: 'track_shipment', args: { tracking_number: '612345678901', carrier: 'fedex' } },
      },
    ],
  },
  {
    id: 'no-typo-reservaton',
    category: 'normalization',
    actions: ['book_table', 'get_store_hours'],
    turns: [
      { say: 'i need a reservaton for 3 on april 9 2027 at 7pm, Lou, 212 555 0111', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 3, date: '2027-04-09', time: '19:00', name: 'Lou', phone: '+12125550111' },
        },
      },
    ],
  },
  {
    id: 'no-order-id-spaced-lowercase',
    category: 'normalization',
    actions: ['check_order_status'],
    turns: [
      {
        say: 'status of ord 55555',
        request: { action: 'check_order_status', args: { order_number: 'ORD-55555' } },
      },
    ],
  },
  {
    id: 'no-nails-done-is-manicure',
    category: 'normalization',
    actions: ['book_appointment', 'book_table'],
    turns: [
      { say: 'I want to get my nails done on May 21, 2027 at 11am, 305 555 0161', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'manicure', date: '2027-05-21', time: '11:00', phone: '+13055550161' },
        },
      },
    ],
  },
  {
    id: 'no-closing-time-riverside',
    category: 'normalization',
    actions: ['get_store_hours', 'book_table'],
    turns: [
      {
        say: 'when do you close at the riverside shop?',
        request: { action: 'get_store_hours', args: { store: 'riverside' } },
        reply: /19:00|7 ?pm/i,
      },
    ],
  },
  {
    id: 'no-spoken-phone-words',
    category: 'normalization',
    actions: ['book_table'],
    turns: [
      { say: 'table for five on April 16 2027 at 6pm for Mo', asks: 'phone', reply: /phone/i },
      { say: 'two one two, five five five, zero one nine nine', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 5, date: '2027-04-16', time: '18:00', name: 'Mo', phone: '+12125550199' },
        },
      },
    ],
  },
  {
    id: 'no-us-date-format',
    category: 'normalization',
    actions: ['reschedule_appointment'],
    turns: [
      { say: 'reschedule BK-20417 to 04/09/2027 at 9:45', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-04-09', new_time: '09:45' },
        },
      },
    ],
  },
  {
    id: 'no-sale-is-promotion-category',
    category: 'normalization',
    actions: ['find_promotions', 'check_stock'],
    turns: [
      {
        say: 'is there a sale on jackets and coats?',
        request: { action: 'find_promotions', args: { category: 'outerwear' } },
        reply: /SPRING20/,
      },
    ],
  },
  {
    id: 'no-spoken-order-number',
    category: 'normalization',
    actions: ['check_order_status', 'track_shipment'],
    turns: [
      {
        say: 'uh yeah the order is o r d one two three four five',
        request: { action: 'check_order_status', args: { order_number: 'ORD-12345' } },
        reply: /shipped/i,
      },
    ],
  },
  {
    id: 'no-day-after-tomorrow',
    category: 'normalization',
    actions: ['reschedule_appointment', 'book_appointment'],
    turns: [
      { say: 'move BK-20417 to the day after tomorrow at 10am', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-03-12', new_time: '10:00' },
        },
      },
    ],
  },
  {
    id: 'no-sku-spaced-lowercase',
    category: 'normalization',
    actions: ['check_stock', 'check_order_status'],
    turns: [
      {
        say: 'do you guys have sku 4471 in stock',
        request: { action: 'check_stock', args: { sku: 'SKU-4471' } },
      },
    ],
  },
  {
    id: 'no-saturday-ten-in-the-morning',
    category: 'normalization',
    actions: ['book_appointment', 'reschedule_appointment'],
    turns: [
      { say: 'haircut saturday at ten in the morning please, 415 555 0134', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_appointment',
          args: { service: 'haircut', date: '2027-03-13', time: '10:00', phone: '+14155550134' },
        },
      },
    ],
  },
  {
    id: 'no-spoken-email-underscore',
    category: 'normalization',
    actions: ['list_my_orders', 'check_order_status'],
    turns: [
      {
        say: 'can you pull up my orders, the email is john underscore smith at yahoo dot com',
        request: { action: 'list_my_orders', args: { email: 'john_smith@yahoo.com' } },
      },
    ],
  },
  {
    id: 'no-spoken-phone-with-oh',
    category: 'normalization',
    actions: ['book_table'],
    turns: [
      { say: 'a table for two on April 9, 2027 at 8pm under Rita', asks: 'phone', reply: /phone/i },
      { say: 'two one two, five five five, oh one nine nine', confirms: true },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 2, date: '2027-04-09', time: '20:00', name: 'Rita', phone: '+12125550199' },
        },
      },
    ],
  },
  {
    id: 'no-well-be-eight',
    category: 'normalization',
    actions: ['book_table', 'get_store_hours'],
    turns: [
      {
        say: "we'll be eight, May 21 2027 at 7pm, name's Alvarez, 646 555 0111",
        confirms: true,
        reply: /8|eight/i,
      },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 8, date: '2027-05-21', time: '19:00', name: 'Alvarez', phone: '+16465550111' },
        },
      },
    ],
  },
];
