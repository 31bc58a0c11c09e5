import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, TEST_POSTGRES_URL } from '../../packages/server/src/test/engines.js';
import { REPO_ROOT } from './deploy-files.js';

const FLEET_SCRIPT = `${REPO_ROOT}deploy/run-fleet.mjs`;
const BUILT_SERVER = `${REPO_ROOT}packages/server/dist/bundle/toolgate.js`;
/** A graceful stop of the whole fleet: each instance's drain (set short below) plus its close. */
const STOP_BOUND_MS = 15_000;

// Under CI=true a missing PostgreSQL throws here: the file fails instead of skipping.
const postgresAnswers = await postgresAvailable();

interface RunningScript {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runFleet(args: string[], env: Record<string, string | undefined>): RunningScript {
  const child = spawn(process.execPath, [FLEET_SCRIPT, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_FORMAT: 'json', TOOLGATE_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = pattern.exec(text);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`the fleet exited (${child.exitCode}) first:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${text}`);
  };
  return { child, output: () => text, waitFor, exited };
}

describe('npm run fleet without DATABASE_URL', () => {
  it('stops at once and says what is missing', async () => {
    const fleet = runFleet([], { TOOLGATE_SECRET_KEY: randomBytes(32).toString('base64') });
    expect((await fleet.exited).code).toBe(2);
    expect(fleet.output()).toContain('fleet: DATABASE_URL is required');
  });

  it('names a bad option', async () => {
    const fleet = runFleet(['--instances', 'many'], { DATABASE_URL: TEST_POSTGRES_URL });
    expect((await fleet.exited).code).toBe(2);
    expect(fleet.output()).toContain('--instances must be a whole number from 1 to 16, got "many"');
  });
});

describe.skipIf(!postgresAnswers)('npm run fleet on PostgreSQL', () => {
  const database = `toolgate_fleet_${randomBytes(6).toString('hex')}`;
  let fleet: RunningScript | undefined;

  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    if (!existsSync(BUILT_SERVER))
      throw new Error(`${BUILT_SERVER} is missing: the fleet runs the built server; run npm run build first`);
    await admin(`create database ${database}`);
  });

  afterAll(async () => {
    if (fleet && fleet.child.exitCode === null) fleet.child.kill('SIGKILL');
    await admin(`drop database if exists ${database} with (force)`);
  });

  it('serves through its proxy from both instances and stops them all on SIGTERM', async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${database}`;
    fleet = runFleet(['--instances', '2', '--port', '0'], {
      DATABASE_URL: url.href,
      TOOLGATE_SECRET_KEY: randomBytes(32).toString('base64'),
      TOOLGATE_DRAIN_MS: '300',
    });
    const ready = await fleet.waitFor(/fleet: ready: proxy on (http:\/\/127\.0\.0\.1:\d+)/, 90_000);
    const proxy = ready[1] ?? '';
    const instances = [...fleet.output().matchAll(/(toolgate-\d) (http:\/\/127\.0\.0\.1:\d+)/g)];
    expect(instances.map((match) => match[1])).toEqual(['toolgate-1', 'toolgate-2']);

    const servedBy = new Set<string>();
    for (let request = 0; request < 4; request += 1) {
      const response = await fetch(`${proxy}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready' });
      servedBy.add(response.headers.get('x-toolgate-instance') ?? '');
    }
    expect([...servedBy].sort()).toEqual(['toolgate-1', 'toolgate-2']);

    // The API answers through the proxy too (an unauthenticated request: a real 401 from Toolgate).
    const unauthorized = await fetch(`${proxy}/api/v1/actions`);
    expect(unauthorized.status).toBe(401);

    const stopAsked = Date.now();
    fleet.child.kill('SIGTERM');
    const { code } = await fleet.exited;
    expect(Date.now() - stopAsked).toBeLessThan(STOP_BOUND_MS);
    expect(code).toBe(0);
    expect(fleet.output().match(/\[toolgate-\d\] .*Toolgate stopped/g)?.length).toBe(2);
    for (const [, , address] of instances)
      await expect(fetch(`${address}/healthz`)).rejects.toThrow('fetch failed');
  }, 120_000);
});
