import { appendFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificate } from '@toolgate/core/test';
import { randomBetween, seededRandom } from './seeded-random.js';

/** One request the receiver got, and what it answered. */
export interface Arrival {
  /** The `webhook-id` header (Standard Webhooks), else `idempotency-key`; undefined when neither came. */
  id: string | undefined;
  idempotencyKey: string | undefined;
  body: string;
  /** What the receiver answered: 200, or 500 for a planned failure. */
  status: number;
  /** When the request's body had fully arrived (ms since the epoch). */
  receivedAt: number;
}

/** How the receiver behaves. */
export interface FlakyReceiverOptions {
  /** Seed of the failures and delays, so a run can be replayed. */
  seed: number;
  /** Share of requests answered 500, from 0 to 1. */
  failRate: number;
  /** Each answer waits a random time in [min, max] ms first. */
  delayMs: { min: number; max: number };
  /**
   * At most this many planned failures per id: later arrivals of that id get 200, so a finite
   * retry schedule always gets through and a lost event cannot hide behind bad luck.
   */
  maxFailuresPerId: number;
  /** Also append every arrival as a JSON line to this file. */
  journal?: string;
}

/** A running receiver: `url()` for the sender, `arrivals` as they came (also at GET /arrivals). */
export interface FlakyReceiver {
  port: number;
  url(path?: string): string;
  readonly arrivals: readonly Arrival[];
  close(): Promise<void>;
}

function checkOptions(options: FlakyReceiverOptions): void {
  const { failRate, delayMs, maxFailuresPerId } = options;
  if (!(failRate >= 0 && failRate <= 1))
    throw new Error(`flaky receiver: failRate must be in [0, 1], got ${failRate}`);
  if (!(delayMs.min >= 0 && delayMs.max >= delayMs.min))
    throw new Error(`flaky receiver: delayMs must be 0 <= min <= max, got ${JSON.stringify(delayMs)}`);
  if (!Number.isInteger(maxFailuresPerId) || maxFailuresPerId < 0)
    throw new Error(`flaky receiver: maxFailuresPerId must be a whole number, got ${maxFailuresPerId}`);
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * A webhook receiver on https://127.0.0.1 (the test certificate) for the delivery tests and
 * benchmark: every POST is recorded, waits a seeded random delay, and is answered 500 with
 * probability `failRate` (at most `maxFailuresPerId` times per id), else 200. `GET /arrivals`
 * returns everything recorded, as JSON.
 *
 * @example
 * const receiver = await startFlakyReceiver({ seed: 7, failRate: 0.3, delayMs: { min: 0, max: 200 }, maxFailuresPerId: 3 });
 */
export async function startFlakyReceiver(options: FlakyReceiverOptions): Promise<FlakyReceiver> {
  checkOptions(options);
  const random = seededRandom(options.seed);
  const { key, cert } = await testCertificate();
  const arrivals: Arrival[] = [];
  const failures = new Map<string, number>();
  let journal = Promise.resolve();

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  async function handle(request: IncomingMessage, body: string, response: ServerResponse) {
    if (request.method === 'GET' && request.url === '/arrivals') return answer(response, 200, arrivals);
    const idempotencyKey = header(request, 'idempotency-key');
    const id = header(request, 'webhook-id') ?? idempotencyKey;
    const failed = failures.get(id ?? '') ?? 0;
    const fail = failed < options.maxFailuresPerId && random() < options.failRate;
    const delay = randomBetween(random, options.delayMs.min, options.delayMs.max);
    if (fail) failures.set(id ?? '', failed + 1);
    const arrival: Arrival = { id, idempotencyKey, body, status: fail ? 500 : 200, receivedAt: Date.now() };
    arrivals.push(arrival);
    const { journal: file } = options;
    if (file) journal = journal.then(() => appendFile(file, `${JSON.stringify(arrival)}\n`));
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    answer(response, arrival.status, fail ? { error: 'planned failure' } : { received: true });
  }

  const server = createServer({ key, cert, keepAlive: true }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, Buffer.concat(chunks).toString('utf8'), response).catch((error: unknown) =>
        response.destroy(error as Error),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/hook') => `https://127.0.0.1:${port}${path}`,
    arrivals,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await journal;
    },
  };
}
