import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES } from './catalogue.js';
import { ALL_DIALOGUES } from './categories/index.js';
import { CATEGORIES } from './dialogue.js';
import { FLOORS } from './floors.js';
import {
  type DialogueOutcome,
  type DialogueWorld,
  requestMismatch,
  startDialogueWorld,
} from './play-dialogue.js';
import { countByCategory, formatReport, formatTranscripts } from './report.js';

/**
 * The dialogue suite: every dialogue of categories/ played against the real API with the embedded
 * agent, each in a fresh conversation. It prints the counts per category and the failing
 * dialogues, and fails when a category passes fewer dialogues than its floor (floors.ts).
 */
let world: DialogueWorld;
const outcomes: DialogueOutcome[] = [];

beforeAll(async () => {
  world = await startDialogueWorld();
});
afterAll(async () => {
  if (process.env.DIALOGUES_TRANSCRIPTS) console.log(formatTranscripts(outcomes));
  if (outcomes.length > 0) console.log(formatReport(outcomes, FLOORS));
  await world?.close();
});

describe('the dialogue suite is well formed', () => {
  it('has at least 150 dialogues, at least 10 in every category, with unique ids', () => {
    expect(ALL_DIALOGUES.length).toBeGreaterThanOrEqual(150);
    const counts = countByCategory(
      ALL_DIALOGUES.map((dialogue) => ({ dialogue, passed: false, transcript: [] })),
    );
    for (const category of CATEGORIES) expect(counts[category].total, category).toBeGreaterThanOrEqual(10);
    expect(new Set(ALL_DIALOGUES.map((dialogue) => dialogue.id)).size).toBe(ALL_DIALOGUES.length);
  });

  it('names only actions of the catalogue, and every request it expects is one the agent may make', () => {
    for (const dialogue of ALL_DIALOGUES) {
      const allowed = dialogue.actions === 'all' ? ACTION_NAMES : dialogue.actions;
      for (const turn of dialogue.turns) {
        if (turn.request) expect(allowed, dialogue.id).toContain(turn.request.action);
      }
    }
  });

  it('tells a wrong request from the expected one', () => {
    const made = [{ action: 'book_table', method: 'POST', args: { time: '16:00', party_size: 4 } }];
    expect(
      requestMismatch({ action: 'book_table', args: { time: '16:00', party_size: 4 } }, made),
    ).toBeUndefined();
    expect(requestMismatch({ action: 'book_table', args: { time: '15:00' } }, made)).toMatch(/time/);
    expect(requestMismatch({ action: 'cancel_booking' }, made)).toMatch(/expected cancel_booking/);
    expect(requestMismatch(undefined, made)).toMatch(/no request expected/);
    expect(requestMismatch({ action: 'book_table' }, [])).toMatch(/made 0/);
    expect(requestMismatch({ action: 'book_table', args: { time: /^16:/ } }, made)).toBeUndefined();
    expect(requestMismatch({ action: 'book_table', args: { party_size: 5 } }, made)).toMatch(/party_size/);
    expect(requestMismatch({ action: 'book_table', absent: ['name'] }, made)).toBeUndefined();
    expect(requestMismatch({ action: 'book_table', absent: ['time'] }, made)).toMatch(/time was never said/);
  });
});

describe('dialogues with the embedded agent', () => {
  it('plays every dialogue; no category falls under its floor', async () => {
    for (const dialogue of ALL_DIALOGUES) outcomes.push(await world.play(dialogue));
    const counts = countByCategory(outcomes);
    const below = CATEGORIES.filter((category) => counts[category].passed < FLOORS[category]).map(
      (category) => `${category}: ${counts[category].passed} passed, floor ${FLOORS[category]}`,
    );
    expect(below, formatReport(outcomes, FLOORS)).toEqual([]);
  }, 60_000);
});
