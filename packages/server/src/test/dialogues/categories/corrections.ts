import type { Dialogue } from '../dialogue.js';

const tableForFour = "Table for 4 on April 9, 2027 at 7pm, name's Dana Lee, 212 555 0199";
const danaTable = {
  party_size: 4,
  date: '2027-04-09',
  time: '19:00',
  name: 'Dana Lee',
  phone: '+12125550199',
};
const haircut = 'Book a haircut on May 7, 2027 at 3pm, my number is 415 555 0134';
const danaHaircut = { service: 'haircut', date: '2027-05-07', time: '15:00', phone: '+14155550134' };

/** A correction changes that one value and nothing else, at a read-back or while asking. */
export const CORRECTIONS: Dialogue[] = [
  {
    id: 'co-time-at-read-back',
    category: 'corrections',
    actions: ['book_table'],
    turns: [
      { say: tableForFour, confirms: true },
      { say: 'actually make it 8pm', confirms: true, reply: /20:00|8(:00)? ?pm/i, notReply: /19:00/ },
      { say: 'yes', request: { action: 'book_table', args: { ...danaTable, time: '20:00' } } },
    ],
  },
  {
    id: 'co-date-keeps-time',
    category: 'corrections',
    actions: ['book_appointment', 'reschedule_appointment'],
    turns: [
      { say: haircut, confirms: true },
      { say: 'oh wait, make that May 14, 2027 instead', confirms: true, reply: /2027-05-14|may 14/i },
      { say: 'yes', request: { action: 'book_appointment', args: { ...danaHaircut, date: '2027-05-14' } } },
    ],
  },
  {
    id: 'co-order-number-while-asking',
    category: 'corrections',
    actions: ['request_refund', 'check_order_status'],
    turns: [
      { say: 'refund for ORD-24242 please', asks: 'reason', reply: /reason|why/i },
      { say: "sorry, wrong number, it's ORD-24243", asks: 'reason', reply: /reason|why/i },
      { say: 'the zipper broke', confirms: true, reply: /ORD-24243/, notReply: /ORD-24242/ },
      {
        say: 'yes',
        request: { action: 'request_refund', args: { order_number: 'ORD-24243', reason: /zipper broke/i } },
      },
    ],
  },
  {
    id: 'co-party-size',
    category: 'corrections',
    actions: ['book_table'],
    turns: [
      { say: tableForFour, confirms: true },
      { say: "actually we're 5 now", confirms: true, reply: /5|five/i },
      { say: 'yes', request: { action: 'book_table', args: { ...danaTable, party_size: 5 } } },
    ],
  },
  {
    id: 'co-phone',
    category: 'corrections',
    actions: ['book_table'],
    turns: [
      { say: tableForFour, confirms: true },
      { say: 'no wait, use my work number 646 555 0100', confirms: true, reply: /646|6465550100/ },
      { say: 'yes', request: { action: 'book_table', args: { ...danaTable, phone: '+16465550100' } } },
    ],
  },
  {
    id: 'co-email-typo',
    category: 'corrections',
    actions: ['newsletter_signup'],
    turns: [
      { say: 'Please add ella.stone@gmal.com to the newsletter, I agree to the offers', confirms: true },
      {
        say: 'oops, that should be ella.stone@gmail.com',
        confirms: true,
        reply: /ella\.stone@gmail\.com/,
        notReply: /gmal/,
      },
      {
        say: 'yes',
        request: { action: 'newsletter_signup', args: { email: 'ella.stone@gmail.com', consent: true } },
      },
    ],
  },
  {
    id: 'co-carrier-after-lookup',
    category: 'corrections',
    actions: ['track_shipment'],
    turns: [
      {
        say: 'track 1Z999AA10123456784 with usps',
        request: {
          action: 'track_shipment',
          args: { tracking_number: '1Z999AA10123456784', carrier: 'usps' },
        },
      },
      {
        say: 'sorry, I meant UPS',
        request: {
          action: 'track_shipment',
          args: { tracking_number: '1Z999AA10123456784', carrier: 'ups' },
        },
      },
    ],
  },
  {
    id: 'co-service',
    category: 'corrections',
    actions: ['book_appointment'],
    turns: [
      { say: haircut, confirms: true },
      { say: 'actually make it a color, not a haircut', confirms: true, reply: /colou?r/i },
      { say: 'yes', request: { action: 'book_appointment', args: { ...danaHaircut, service: 'color' } } },
    ],
  },
  {
    id: 'co-no-then-new-time',
    category: 'corrections',
    actions: ['book_appointment'],
    turns: [
      { say: haircut, confirms: true },
      { say: 'no, 4pm', confirms: true, reply: /16:00|4(:00)? ?pm/i },
      { say: 'yes', request: { action: 'book_appointment', args: { ...danaHaircut, time: '16:00' } } },
    ],
  },
  {
    id: 'co-reschedule-time',
    category: 'corrections',
    actions: ['reschedule_appointment', 'cancel_booking'],
    turns: [
      { say: 'please move BK-20417 to April 16, 2027 at 9am', confirms: true },
      { say: 'hmm actually 10:15 would be better', confirms: true, reply: /10:15/ },
      {
        say: 'yes',
        request: {
          action: 'reschedule_appointment',
          args: { booking_id: 'BK-20417', new_date: '2027-04-16', new_time: '10:15' },
        },
      },
    ],
  },
  {
    id: 'co-name-keeps-phone',
    category: 'corrections',
    actions: ['book_table'],
    turns: [
      { say: tableForFour, confirms: true },
      { say: 'can you change the name to Dana Whitfield', confirms: true, reply: /dana whitfield/i },
      { say: 'yes', request: { action: 'book_table', args: { ...danaTable, name: 'Dana Whitfield' } } },
    ],
  },
  {
    id: 'co-date-while-asking',
    category: 'corrections',
    actions: ['book_table'],
    turns: [
      { say: 'a table for 2 on April 9, 2027 please', asks: 'time', reply: /time/i },
      { say: 'oh, make it April 10 2027, at 8pm', asks: 'name', reply: /name/i },
      { say: 'Lou Chen', asks: 'phone', reply: /phone/i },
      { say: '212 555 0111', confirms: true, reply: /2027-04-10|april 10/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 2, date: '2027-04-10', time: '20:00', name: 'Lou Chen', phone: '+12125550111' },
        },
      },
    ],
  },
  {
    id: 'co-tomorrow-instead',
    category: 'corrections',
    actions: ['book_appointment'],
    turns: [
      { say: haircut, confirms: true },
      { say: 'actually, tomorrow would be better, same time', confirms: true },
      {
        say: 'yes',
        request: { action: 'book_appointment', args: { ...danaHaircut, date: '2027-03-11' } },
      },
    ],
  },
  {
    id: 'co-order-number-at-read-back',
    category: 'corrections',
    actions: ['cancel_order', 'check_order_status'],
    turns: [
      { say: 'cancel ORD-24680 please', confirms: true, reply: /ORD-24680/ },
      { say: "sorry, it's ORD-24681", confirms: true, reply: /ORD-24681/, notReply: /ORD-24680/ },
      { say: 'yes', request: { action: 'cancel_order', args: { order_number: 'ORD-24681' } } },
    ],
  },
  {
    id: 'co-booking-id-at-read-back',
    category: 'corrections',
    actions: ['cancel_booking', 'reschedule_appointment'],
    turns: [
      { say: 'cancel my booking BK-20417', confirms: true },
      { say: 'wait, wrong one, it should be BK-20418', confirms: true, reply: /BK-20418/ },
      { say: 'yes', request: { action: 'cancel_booking', args: { booking_id: 'BK-20418' } } },
    ],
  },
  {
    id: 'co-email-keeps-name',
    category: 'corrections',
    actions: ['capture_lead'],
    turns: [
      { say: "I'd like a quote. My name is Ken Adams, ken@adams.co", confirms: true },
      {
        say: 'actually use my work email ken.adams@adamsco.com',
        confirms: true,
        reply: /ken\.adams@adamsco\.com/,
        notReply: /ken@adams\.co\b/,
      },
      {
        say: 'yes',
        request: { action: 'capture_lead', args: { name: 'Ken Adams', email: 'ken.adams@adamsco.com' } },
      },
    ],
  },
  {
    id: 'co-carrier-self-corrected',
    category: 'corrections',
    actions: ['track_shipment'],
    turns: [
      { say: 'track 1Z999AA10123456784', asks: 'carrier', reply: /carrier|ups|fedex/i },
      {
        say: 'ups... no wait, fedex',
        request: {
          action: 'track_shipment',
          args: { tracking_number: '1Z999AA10123456784', carrier: 'fedex' },
        },
      },
    ],
  },
];
