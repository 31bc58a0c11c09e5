import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCertificate } from '@toolgate/core/test';
import { generateSecretKey } from '../../secrets/secret-box.js';
import { httpJson } from '../http-client.js';
import { freeLoopbackPort } from '../spawned-server.js';
import { checkArrivals, undelivered } from './check-arrivals.js';
import { startFlakyReceiver } from './flaky-receiver.js';
import { produceEvents } from './produce-events.js';
import { type QueueCounts, readQueueCounts } from './queue-counts.js';
import { createScratchDatabase } from './scratch-database.js';
import { randomBetween, seededRandom } from './seeded-random.js';
import { type InstanceStorage, type ToolgateInstance, toolgateInstance } from './toolgate-instance.js';
import { probeReader, startTriggerModel } from './trigger-model.js';

/** One crash run: where, how many events, how many SIGKILLs. */
export interface CrashScenario {
  engine: 'pglite' | 'postgres';
  /** Instances working the same queue (PostgreSQL only for more than one). */
  instances: number;
  events: number;
  kills: number;
  seed: number;
  /** The CLI bundle (bundleCliFromSource). */
  entry: string;
  /** The queue's settings every start gets: a fast retry schedule, a short lease. */
  queueEnv: Record<string, string>;
  /** How long a claim of a killed instance lasts: waited out before the final count. */
  leaseMs: number;
  /** The whole run must end within this many ms. */
  budgetMs: number;
}

/** What a run came to: `problems` is empty when nothing was lost. */
export interface CrashOutcome {
  problems: string[];
  acknowledged: number;
  arrivals: number;
  ids: number;
  repeats: number;
  duplicatesAfterSuccess: number;
  resent: number;
  kills: Array<{ instance: string; pid: number; afterAcknowledged: number }>;
  queue: QueueCounts;
}

/** Arrival problems listed one by one; the rest are counted. */
const MAX_LISTED = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a scenario end to end: a flaky receiver (30% 500s, 0-200 ms), the scripted model, real
 * `toolgate start` processes on one database; produces the events through conversations while
 * SIGKILLing an instance at seeded random points (each restarted at once on the same data),
 * waits until every acknowledged event was answered 200 and the queue holds nothing pending,
 * and checks the arrivals (check-arrivals.ts). The seed is in every message, to replay a run.
 */
export async function runCrashScenario(scenario: CrashScenario): Promise<CrashOutcome> {
  if (scenario.engine === 'pglite' && scenario.instances !== 1)
    throw new Error('runCrashScenario: the embedded database has one process; instances must be 1');
  const deadline = Date.now() + scenario.budgetMs;
  const random = seededRandom(scenario.seed);
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const receiver = await startFlakyReceiver({
      seed: scenario.seed,
      failRate: 0.3,
      delayMs: { min: 0, max: 200 },
      maxFailuresPerId: 3,
    });
    cleanup.push(() => receiver.close());
    const model = await startTriggerModel();
    cleanup.push(() => model.close());
    const scratch = await mkdtemp(join(tmpdir(), 'toolgate-crash-'));
    cleanup.push(() => rm(scratch, { recursive: true, force: true }));
    const caFile = join(scratch, 'test-ca.pem');
    await writeFile(caFile, (await testCertificate()).cert);
    const postgres = scenario.engine === 'postgres' ? await createScratchDatabase() : undefined;
    if (postgres) cleanup.push(() => postgres.drop());

    const apiKey = `tg_crash_${randomBytes(16).toString('hex')}`;
    const env = {
      TOOLGATE_ADMIN_KEY: apiKey,
      TOOLGATE_SECRET_KEY: generateSecretKey(),
      TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8',
      NODE_EXTRA_CA_CERTS: caFile,
      LOG_LEVEL: 'warn',
      ...scenario.queueEnv,
    };
    const storageOf = (index: number): InstanceStorage =>
      postgres
        ? { engine: 'postgres', url: postgres.url, dataDir: join(scratch, `instance-${index}`) }
        : { engine: 'pglite', dataDir: join(scratch, 'data') };
    const instances: ToolgateInstance[] = [];
    for (let index = 0; index < scenario.instances; index += 1) {
      const instance = toolgateInstance({
        name: `instance ${index + 1}`,
        entry: scenario.entry,
        port: await freeLoopbackPort(),
        storage: storageOf(index),
        env,
      });
      cleanup.push(() => instance.kill9());
      await instance.start();
      instances.push(instance);
    }
    const first = instances[0] as ToolgateInstance;

    const created = await httpJson(`${first.url}/api/v1/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
      body: {
        name: 'Delivery probe',
        model: { provider: 'openai-compatible', model: 'probe', baseUrl: model.url },
        webhookTrigger: { url: receiver.url('/hook') },
      },
    });
    const agentId = (created.body as { agent?: { id?: string } }).agent?.id;
    if (created.status !== 201 || agentId === undefined)
      throw new Error(`creating the agent: ${created.status} ${JSON.stringify(created.body)}`);

    // Kill points: distinct acknowledgement counts between 10% and 90% of the events.
    const points = new Set<number>();
    while (points.size < scenario.kills)
      points.add(randomBetween(random, Math.ceil(scenario.events * 0.1), Math.floor(scenario.events * 0.9)));
    const schedule = [...points].sort((a, b) => a - b);
    const kills: CrashOutcome['kills'] = [];
    let killing = Promise.resolve();
    const onAcknowledged = (count: number) => {
      if (schedule[0] === undefined || count < schedule[0]) return;
      schedule.shift();
      const victim = instances[randomBetween(random, 0, instances.length - 1)] as ToolgateInstance;
      const jitter = randomBetween(random, 0, 40);
      killing = killing.then(async () => {
        await sleep(jitter);
        const pid = victim.pid;
        if (pid === undefined) throw new Error(`${victim.name} was not running at kill ${kills.length + 1}`);
        await victim.kill9();
        kills.push({ instance: victim.name, pid, afterAcknowledged: count });
        await victim.start();
      });
    };
    const production = await produceEvents({
      count: scenario.events,
      concurrency: 8,
      eventsPerConversation: 10,
      targets: instances.map((instance) => instance.url),
      apiKey,
      agentId,
      onAcknowledged,
      deadline,
    });
    await killing;
    const produced = [...production.acknowledged.keys()];

    while (undelivered(produced, receiver.arrivals, probeReader).length > 0 && Date.now() < deadline)
      await sleep(100);
    // A row delivered just before its instance died is delivered again once its lease ends.
    await sleep(scenario.leaseMs + 500);
    const problems: string[] = [];
    let queue: QueueCounts = {};
    try {
      queue = await settledQueue(instances, storageOf(0), deadline, scenario.leaseMs);
    } catch (error) {
      problems.push(`counting the queue: ${(error as Error).message}`);
    }

    const report = checkArrivals(produced, receiver.arrivals, probeReader);
    problems.push(...report.problems.slice(0, MAX_LISTED));
    if (report.problems.length > MAX_LISTED)
      problems.push(`... and ${report.problems.length - MAX_LISTED} more problems of the arrivals`);
    if (production.acknowledged.size !== scenario.events)
      problems.push(`${production.acknowledged.size} of ${scenario.events} events acknowledged`);
    if (kills.length !== scenario.kills) problems.push(`${kills.length} of ${scenario.kills} kills happened`);
    for (const [status, count] of Object.entries(queue))
      if (status !== 'delivered' && count > 0) problems.push(`${count} deliveries left ${status}`);
    if ((queue.delivered ?? 0) < produced.length)
      problems.push(`${queue.delivered ?? 0} deliveries delivered for ${produced.length} events`);
    if (problems.length > 0)
      problems.push(
        `(seed ${scenario.seed}; servers printed:\n${instances
          .map((i) => i.output())
          .join('\n')
          .slice(-3000)})`,
      );
    return {
      problems,
      acknowledged: production.acknowledged.size,
      arrivals: receiver.arrivals.length,
      ids: report.ids,
      repeats: report.repeats,
      duplicatesAfterSuccess: report.duplicatesAfterSuccess,
      resent: production.resent,
      kills,
      queue,
    };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}

/**
 * Stops every instance gracefully and counts the queue; while rows are still pending (a claim of
 * a killed instance not yet expired and retried), starts them again for another lease.
 */
async function settledQueue(
  instances: readonly ToolgateInstance[],
  storage: InstanceStorage,
  deadline: number,
  leaseMs: number,
): Promise<QueueCounts> {
  for (;;) {
    if (storage.engine === 'postgres') {
      const counts = await readQueueCounts(storage);
      if (!counts.pending || Date.now() > deadline) {
        for (const instance of instances) await instance.stop();
        return counts;
      }
      await sleep(200);
      continue;
    }
    for (const instance of instances) await instance.stop();
    const counts = await readQueueCounts(storage);
    if (!counts.pending || Date.now() > deadline) return counts;
    for (const instance of instances) await instance.start();
    await sleep(leaseMs + 500);
  }
}
