import type { Dialogue, Turn } from '../dialogue.js';
import { says } from '../dialogue.js';

const cancelAsk: Turn = { say: 'please cancel order ORD-24680', confirms: true, reply: says.confirmQuestion };
const cancelled: Turn['request'] = { action: 'cancel_order', args: { order_number: 'ORD-24680' } };
const actions = ['cancel_order', 'check_order_status', 'get_store_hours'] as const;

/** A yes makes the call, a no cancels it, anything else is neither. */
const answered = (id: string, say: string, yes: boolean): Dialogue => ({
  id,
  category: 'confirmations',
  actions,
  turns: [
    cancelAsk,
    yes
      ? { say, request: cancelled, reply: /cancel/i }
      : {
          say,
          reply: /won.?t|will not|not cancel|no problem|okay|ok\b|alright/i,
          notReply: /has been cancelled/i,
        },
  ],
});

export const CONFIRMATIONS: Dialogue[] = [
  answered('cf-yep-go-for-it', 'yep, go for it', true),
  answered('cf-sure-thing', 'sure thing', true),
  answered('cf-yes-please-do', 'yes please do that', true),
  answered('cf-thats-correct', "that's correct", true),
  answered('cf-absolutely', 'Absolutely!', true),
  answered('cf-sounds-good', 'sounds good', true),
  answered('cf-no-dont', "no, don't", false),
  answered('cf-nah-leave-it', 'nah leave it', false),
  answered('cf-no-thank-you', 'no thank you', false),
  answered('cf-changed-my-mind', "actually I've changed my mind, keep the order", false),
  {
    id: 'cf-let-me-think-is-neither',
    category: 'confirmations',
    actions,
    turns: [
      cancelAsk,
      { say: 'hmm let me think', notReply: /won.?t|cancelled/i },
      { say: 'ok yes, cancel it', request: cancelled },
    ],
  },
  {
    id: 'cf-new-question-drops-pending',
    category: 'confirmations',
    actions,
    turns: [
      cancelAsk,
      {
        say: 'wait, what time does the downtown store close today?',
        request: { action: 'get_store_hours', args: { store: 'downtown' } },
      },
      { say: 'yes' },
    ],
  },
  {
    id: 'cf-yes-but-change',
    category: 'confirmations',
    actions: ['book_table'],
    turns: [
      { say: "Table for 4 on April 9, 2027 at 7pm, name's Dana Lee, 212 555 0199", confirms: true },
      { say: 'yes but make it 6 people', confirms: true, reply: /6|six/i },
      {
        say: 'yes',
        request: {
          action: 'book_table',
          args: { party_size: 6, date: '2027-04-09', time: '19:00', name: 'Dana Lee', phone: '+12125550199' },
        },
      },
    ],
  },
  {
    id: 'cf-voice-yeah-thats-right',
    category: 'confirmations',
    actions: ['cancel_booking', 'reschedule_appointment'],
    turns: [
      { say: 'cancel booking BK-20417', confirms: true },
      {
        say: 'uh yeah that is right',
        request: { action: 'cancel_booking', args: { booking_id: 'BK-20417' } },
      },
    ],
  },
];
