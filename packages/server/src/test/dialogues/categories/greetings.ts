import type { Dialogue } from '../dialogue.js';
import { says } from '../dialogue.js';

const hello = /\b(hi|hello|hey|welcome|good (morning|evening|afternoon))\b/i;

/** A greeting gets a greeting and what the agent can do, never "I didn't get that". */
const greeting = (id: string, say: string): Dialogue => ({
  id,
  category: 'greetings',
  actions: ['check_order_status', 'book_table', 'get_store_hours'],
  turns: [{ say, reply: [hello, says.offersHelp], notReply: says.notUnderstood }],
});

export const GREETINGS: Dialogue[] = [
  greeting('gr-hi-there', 'hi there!'),
  greeting('gr-hello', 'hello'),
  greeting('gr-good-morning', 'good morning :)'),
  greeting('gr-hey-how-are-you', 'hey, how are you?'),
  greeting('gr-what-can-you-do', 'Hi! what can you do?'),
  greeting('gr-yo', 'yo'),
  greeting('gr-good-evening-help', 'good evening, can you help me?'),
  greeting('gr-anyone-there', 'hello? is anyone there'),
  {
    id: 'gr-hi-with-request',
    category: 'greetings',
    actions: ['check_order_status', 'book_table', 'get_store_hours'],
    turns: [
      {
        say: 'hiya, I need to book a table',
        asks: 'party_size',
        reply: /guests|people|party|how many/i,
        notReply: says.notUnderstood,
      },
    ],
  },
  {
    id: 'gr-thanks-after-answer',
    category: 'greetings',
    actions: ['check_order_status', 'get_store_hours'],
    turns: [
      { say: 'where is ORD-12345', request: { action: 'check_order_status' }, reply: /shipped/i },
      { say: 'great, thanks!', reply: /welcome|glad|anything else|pleasure/i, notReply: says.notUnderstood },
    ],
  },
  {
    id: 'gr-bye',
    category: 'greetings',
    actions: ['check_order_status', 'get_store_hours'],
    turns: [
      {
        say: "that's all, bye!",
        reply: /bye|take care|have a (great|good|nice)/i,
        notReply: says.notUnderstood,
      },
    ],
  },
];
