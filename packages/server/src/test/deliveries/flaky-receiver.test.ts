import { testCertificate } from '@toolgate/core/test';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlakyReceiver, startFlakyReceiver } from './flaky-receiver.js';
import { seededRandom } from './seeded-random.js';

let dispatcher: Agent;
beforeAll(async () => {
  dispatcher = new Agent({ connect: { ca: (await testCertificate()).cert } });
});
afterAll(() => dispatcher.close());

async function post(receiver: FlakyReceiver, id: string, body: string): Promise<number> {
  const response = await request(receiver.url('/hook'), {
    method: 'POST',
    headers: { 'webhook-id': id, 'content-type': 'application/json' },
    body,
    dispatcher,
  });
  await response.body.text();
  return response.statusCode;
}

async function run(seed: number, maxFailuresPerId: number) {
  const receiver = await startFlakyReceiver({
    seed,
    failRate: 0.3,
    delayMs: { min: 0, max: 2 },
    maxFailuresPerId,
  });
  try {
    const statuses: number[] = [];
    for (let index = 0; index < 300; index += 1)
      statuses.push(await post(receiver, `d${index % 100}`, `{"n":${index}}`));
    const listed = await request(receiver.url('/arrivals'), { dispatcher });
    return { statuses, arrivals: [...receiver.arrivals], listed: (await listed.body.json()) as unknown[] };
  } finally {
    await receiver.close();
  }
}

describe('the flaky receiver', () => {
  it('fails about 30% of requests with 500, the same ones for the same seed, and records each', async () => {
    const first = await run(11, 3);
    const again = await run(11, 3);
    const failures = first.statuses.filter((status) => status === 500).length;
    expect(new Set(first.statuses)).toEqual(new Set([200, 500]));
    expect(failures).toBeGreaterThan(60);
    expect(failures).toBeLessThan(120);
    expect(again.statuses).toEqual(first.statuses);
    expect(first.arrivals.map((arrival) => arrival.status)).toEqual(first.statuses);
    expect(first.arrivals[5]).toMatchObject({ id: 'd5', body: '{"n":5}' });
    expect(first.listed).toHaveLength(300);
  });

  it('fails one id at most maxFailuresPerId times, so a finite schedule always gets through', async () => {
    const { arrivals } = await run(3, 1);
    const failed = new Map<string, number>();
    for (const arrival of arrivals)
      if (arrival.status === 500)
        failed.set(arrival.id as string, (failed.get(arrival.id as string) ?? 0) + 1);
    expect(failed.size).toBeGreaterThan(0);
    expect(Math.max(...failed.values())).toBe(1);
  });

  it('refuses settings it cannot honour, naming them', async () => {
    await expect(
      startFlakyReceiver({ seed: 1, failRate: 1.5, delayMs: { min: 0, max: 0 }, maxFailuresPerId: 1 }),
    ).rejects.toThrow('failRate must be in [0, 1], got 1.5');
    await expect(
      startFlakyReceiver({ seed: 1, failRate: 0, delayMs: { min: 5, max: 1 }, maxFailuresPerId: 1 }),
    ).rejects.toThrow('delayMs must be 0 <= min <= max');
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
