import { type ConversationState, EMPTY_CONVERSATION_STATE, runTurn } from '../packages/core/src/index.js';
import { actions, answer, model } from './embedded-actions.js';

const texts = (process.env.TEXTS ?? 'table for 2 tomorrow at 7pm, name Jo Park, 212 555 0142').split('|');
async function one(text: string) {
  const state: ConversationState = { ...EMPTY_CONVERSATION_STATE, referenceTime: '2027-03-10T15:00:00Z' };
  return runTurn({
    system: '',
    history: [],
    userText: text,
    state,
    actions,
    model,
    callAction: async () => answer as never,
  });
}
for (let i = 0; i < 50; i++) for (const t of texts) await one(t);
const started = process.cpuUsage();
const N = Number(process.env.N ?? 300);
for (let i = 0; i < N; i++) for (const t of texts) await one(t);
const used = process.cpuUsage(started);
console.log('per turn ms', ((used.user + used.system) / 1000 / N / texts.length).toFixed(3));
