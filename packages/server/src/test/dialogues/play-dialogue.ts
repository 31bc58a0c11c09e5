import { createLoopbackOnlyDial, testCertificate } from '@toolgate/core/test';
import { createTestApp, type TestApp } from '../test-app.js';
import { ACTION_NAMES, type ActionName, catalogueFor } from './catalogue.js';
import {
  AGENT_TIME_ZONE,
  type Dialogue,
  type ExpectedRequest,
  NEVER_SAY,
  REFERENCE_TIME,
  type Turn,
} from './dialogue.js';
import { type BusinessRequest, type FakeBusiness, startFakeBusiness } from './fake-business.js';

/** What happened to one dialogue: passed, or the first expectation it missed. */
export interface DialogueOutcome {
  dialogue: Dialogue;
  passed: boolean;
  /** `turn 2 ("actually 4pm"): reply /4pm/ not matched: "..."`. */
  reason?: string;
  /** What was said, turn by turn, up to the first missed expectation. */
  transcript: string[];
}

/** The Toolgate app, the fake business behind it and one agent per set of actions. */
export interface DialogueWorld {
  t: TestApp;
  business: FakeBusiness;
  play(dialogue: Dialogue): Promise<DialogueOutcome>;
  close(): Promise<void>;
}

interface TurnAnswer {
  reply: string;
  events: Array<{ type: string; parameter?: string }>;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const plain = (value: unknown) => String(value).trim().replace(/\s+/g, ' ').toLowerCase();
const short = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);

/** Why `made` (the requests of one turn) is not `expected`, or undefined when it is. */
export function requestMismatch(
  expected: ExpectedRequest | undefined,
  made: readonly BusinessRequest[],
): string | undefined {
  const shown = made.map((request) => `${request.action} ${JSON.stringify(request.args)}`).join('; ');
  if (!expected) return made.length === 0 ? undefined : `no request expected, made: ${shown}`;
  if (made.length !== 1)
    return `expected one request to ${expected.action}, made ${made.length}${shown ? `: ${shown}` : ''}`;
  const [request] = made as [BusinessRequest];
  if (request.action !== expected.action) return `expected ${expected.action}, called ${shown}`;
  for (const [name, want] of Object.entries(expected.args ?? {})) {
    const got = request.args[name];
    const fits =
      got !== undefined && (want instanceof RegExp ? want.test(String(got)) : plain(got) === plain(want));
    if (!fits)
      return `${expected.action}: ${name} should be ${String(want)}, was ${JSON.stringify(got)} (${shown})`;
  }
  for (const name of expected.absent ?? []) {
    if (request.args[name] !== undefined)
      return `${expected.action}: ${name} was never said, but was sent as ${JSON.stringify(request.args[name])} (${shown})`;
  }
  return undefined;
}

/** Why the turn's answer is not what the turn expects, or undefined when it is. */
export function turnMismatch(
  turn: Turn,
  answer: TurnAnswer,
  made: readonly BusinessRequest[],
): string | undefined {
  const wrongRequest = requestMismatch(turn.request, made);
  if (wrongRequest) return `${wrongRequest}; reply: "${short(answer.reply)}"`;
  for (const pattern of list(turn.reply)) {
    if (!pattern.test(answer.reply)) return `reply should match ${pattern}: "${short(answer.reply)}"`;
  }
  for (const pattern of [...list(turn.notReply), ...NEVER_SAY]) {
    if (pattern.test(answer.reply)) return `reply should not match ${pattern}: "${short(answer.reply)}"`;
  }
  const confirming = answer.events.some((event) => event.type === 'approval-requested');
  if (turn.confirms === true && !confirming)
    return `should read the call back and ask first: "${short(answer.reply)}"`;
  if (turn.confirms === false && confirming)
    return `should not ask for a confirmation: "${short(answer.reply)}"`;
  return undefined;
}

/** Starts the app on PGlite with the whole catalogue created against the fake business. */
export async function startDialogueWorld(): Promise<DialogueWorld> {
  const business = await startFakeBusiness();
  const { cert } = await testCertificate();
  const { dial } = createLoopbackOnlyDial(cert);
  const t = await createTestApp({
    allowPrivateNetworks: ['127.0.0.0/8'],
    resolve: async () => ['127.0.0.1'],
    ca: cert,
    dial,
  });
  await t.services.tenants.update(t.tenantA.id, { maxActions: 40 }, 'test');
  const base = `https://api.example.com:${business.server.port}`;
  for (const action of catalogueFor(base)) await t.services.actions.create(t.tenantA.id, action, 'test');

  const agents = new Map<string, string>();
  const agentFor = async (actions: readonly ActionName[] | 'all') => {
    const names = actions === 'all' ? [...ACTION_NAMES] : [...actions].sort();
    const key = names.join(',');
    const known = agents.get(key);
    if (known) return known;
    const { agent } = await t.services.agents.create(
      t.tenantA.id,
      {
        name: `Dialogue agent ${agents.size + 1}`,
        actions: names,
        phoneRegion: 'US',
        timezone: AGENT_TIME_ZONE,
      },
      'test',
    );
    agents.set(key, agent.id);
    return agent.id;
  };

  const post = async (path: string, body: unknown) => {
    const response = await t.call('POST', path, { body });
    const payload = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(payload)}`);
    return payload;
  };

  return {
    t,
    business,
    async play(dialogue) {
      const agentId = await agentFor(dialogue.actions);
      const { id } = (await post('/api/v1/conversations', {
        agentId,
        referenceTime: dialogue.referenceTime ?? REFERENCE_TIME,
      })) as { id: string };
      const transcript: string[] = [];
      for (const [index, turn] of dialogue.turns.entries()) {
        const before = business.requests.length;
        const answer = (await post(`/api/v1/conversations/${id}/messages`, {
          text: turn.say,
        })) as unknown as TurnAnswer;
        const made = business.requests.slice(before);
        transcript.push(
          `customer: ${turn.say}`,
          ...made.map((request) => `  -> ${request.action} ${JSON.stringify(request.args)}`),
          `agent: ${String(answer.reply ?? '')}`,
        );
        const reason = turnMismatch(
          turn,
          { reply: String(answer.reply ?? ''), events: answer.events ?? [] },
          made,
        );
        if (reason)
          return {
            dialogue,
            passed: false,
            transcript,
            reason: `turn ${index + 1} ("${short(turn.say)}"): ${reason}`,
          };
      }
      return { dialogue, passed: true, transcript };
    },
    async close() {
      await t.close();
      await business.close();
    },
  };
}
