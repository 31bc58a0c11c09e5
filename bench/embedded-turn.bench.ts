/**
 * The embedded agent's own CPU per turn with 20 actions (issue 16's budget: under 1 ms p50).
 * Every dialogue of the suite is played turn by turn through `runTurn` with the embedded model
 * and all 20 actions; calls answer at once from memory (no network, no database), so what is
 * timed is understanding: intent scoring, value extraction, the loop. Prints p50/p90/p99 per turn.
 *
 *   npm run bench:embedded        (BENCH_ROUNDS=5 by default)
 */
import { cpus } from 'node:os';
import {
  type ChatMessage,
  type ConversationState,
  EMPTY_CONVERSATION_STATE,
  runTurn,
} from '../packages/core/src/index.js';
import { ALL_DIALOGUES } from '../packages/server/src/test/dialogues/categories/index.js';
import { actions, answer, definitions, model } from './embedded-actions.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function playAll(samples: number[] | undefined): Promise<void> {
  for (const dialogue of ALL_DIALOGUES) {
    let state: ConversationState = { ...EMPTY_CONVERSATION_STATE, referenceTime: '2027-03-10T15:00:00Z' };
    let history: ChatMessage[] = [];
    for (const turn of dialogue.turns) {
      const started = process.cpuUsage();
      const out = await runTurn({
        system: '',
        history,
        userText: turn.say,
        state,
        actions,
        model,
        callAction: async () => answer as never,
      });
      const used = process.cpuUsage(started);
      samples?.push((used.user + used.system) / 1000);
      state = out.state;
      history = [...history, ...out.messages];
    }
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

await playAll(undefined); // warm-up: JIT, caches
for (let round = 1; round <= ROUNDS; round += 1) {
  const samples: number[] = [];
  await playAll(samples);
  samples.sort((a, b) => a - b);
  console.log(
    `round ${round}: ${samples.length} turns, CPU per turn p50 ${percentile(samples, 0.5).toFixed(3)} ms, p90 ${percentile(samples, 0.9).toFixed(3)} ms, p99 ${percentile(samples, 0.99).toFixed(3)} ms`,
  );
}
console.log(
  `${definitions.length} actions; ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}; Node ${process.version}`,
);
