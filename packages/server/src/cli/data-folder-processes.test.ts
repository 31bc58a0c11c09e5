import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSecretKey } from '../secrets/secret-box.js';
import { LOCK_FILE } from '../server/data-dir-lock.js';
import { httpJson } from '../test/http-client.js';
import { bundleCliFromSource, spawnToolgate, type ToolgateProcess } from '../test/spawn-toolgate.js';

// Real `toolgate` processes on a temporary data folder: the lock, start-up failures, recovery.
// The machine these run on is shared, so a start is given a generous minute.
const START_TIMEOUT_MS = 120_000;

let cli: { entry: string; remove: () => Promise<void> };
let dataDir: string;
const running = new Set<ToolgateProcess>();

beforeAll(async () => {
  cli = await bundleCliFromSource();
}, 60_000);
afterAll(async () => {
  for (const spawned of running) spawned.child.kill('SIGKILL');
  await cli.remove();
});
beforeEach(async (context) => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-folder-'));
  context.onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
});

function toolgate(args: string[], env: Record<string, string> = {}): ToolgateProcess {
  const spawned = spawnToolgate(cli.entry, args, env);
  running.add(spawned);
  void spawned.exited.then(() => running.delete(spawned));
  return spawned;
}

/** Runs a command to its end. */
const run = (args: string[], env: Record<string, string> = {}) => toolgate(args, env).exited;

/** Starts a server on a free port and waits until it listens. */
async function start(env: Record<string, string> = {}) {
  const server = toolgate(['start', '--port', '0', '--data', dataDir], env);
  const [, url] = await server.waitFor(/Toolgate is listening on (http:\/\/\S+) /);
  return { ...server, url: url as string };
}

async function stop(server: ToolgateProcess) {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** A loopback port something else holds. */
async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

const credentials = (output: string) => ({
  adminKey: /API key \(all scopes\):\s+(tg_\S+)/.exec(output)?.[1],
  password: /admin@localhost \/ (\S+)/.exec(output)?.[1],
});

const signIn = (url: string, password: string) =>
  httpJson(`${url}/api/v1/session`, { method: 'POST', body: { email: 'admin@localhost', password } });

describe('the data folder lock, between real processes', () => {
  it(
    'a second start and every database command are refused while a server runs, naming it; nothing changes',
    async () => {
      const server = await start();
      const secretKey = readFileSync(join(dataDir, 'secret.key'), 'utf8');

      const second = await run(['start', '--port', '0', '--data', dataDir]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`pid ${server.pid}`);
      expect(second.stderr).toContain(server.url);

      const tenant = await run(['tenants', 'create', 'Acme', '--data', dataDir]);
      expect(tenant.code).toBe(1);
      expect(tenant.stdout).not.toContain('admin API key');
      expect(tenant.stderr).toMatch(new RegExp(`in use by another Toolgate process: pid ${server.pid}`));
      expect(tenant.stderr).toContain(`kill ${server.pid}`);

      const rotate = await run(['secrets', 'rotate', '--data', dataDir]);
      expect(rotate.code).toBe(1);
      expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe(secretKey);
      expect(existsSync(join(dataDir, 'secret.key.next'))).toBe(false);

      const key = await run(['keys', 'create-admin', '--data', dataDir]);
      expect(key.code).toBe(1);
      expect(key.stderr).toContain(`curl -X POST ${server.url}/api/v1/api-keys`);

      // The server never noticed: it still answers, and stops cleanly, releasing the folder.
      expect((await httpJson(`${server.url}/healthz`)).status).toBe(200);
      const stopped = await stop(server);
      expect(stopped.code).toBe(0);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    },
    START_TIMEOUT_MS,
  );

  it(
    'a SIGKILLed server leaves a stale lock that the next start takes over, with a warning',
    async () => {
      const killed = await start();
      killed.child.kill('SIGKILL');
      await killed.exited;
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(killed.pid);

      const next = await start();
      expect(next.output()).toContain(`took over the data folder's lock from pid ${killed.pid}`);
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({
        pid: next.pid,
        url: next.url,
      });
      expect((await stop(next)).code).toBe(0);
    },
    START_TIMEOUT_MS,
  );
});

describe('start-up failures', () => {
  it(
    'a taken port: exits 1 within seconds, names --port and PORT, creates nothing; the next start prints the credentials',
    async () => {
      const taken = await occupyPort();
      try {
        const started = performance.now();
        const failed = await run(['start', '--port', String(taken.port), '--data', dataDir]);
        // Generous: the bound is "does not hang", on a busy shared machine.
        expect(performance.now() - started).toBeLessThan(30_000);
        expect(failed.code).toBe(1);
        expect(failed.stderr).toContain(`port ${taken.port} on 127.0.0.1 is already in use`);
        expect(failed.stderr).toMatch(/--port \d+ or PORT=\d+/);
        expect(await readdir(dataDir)).toEqual([]);
      } finally {
        await new Promise((resolve) => taken.server.close(resolve));
      }
      const server = await start();
      const { adminKey, password } = credentials(server.output());
      expect(adminKey).toBeDefined();
      expect(password).toBeDefined();
      expect((await signIn(server.url, password as string)).status).toBe(200);
      await stop(server);
    },
    START_TIMEOUT_MS,
  );

  it(
    'a damaged data folder, a data path that is a file, an unreachable PostgreSQL: exit 1 with the reason',
    async () => {
      await stop(await start());
      await truncate(join(dataDir, 'db', 'global', 'pg_control'));
      const damaged = await run(['start', '--port', '0', '--data', dataDir]);
      expect(damaged.code).toBe(1);
      expect(damaged.stderr).toContain(`could not open the embedded database in ${join(dataDir, 'db')}`);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

      const file = join(dataDir, 'not-a-folder');
      writeFileSync(file, 'x');
      const notFolder = await run(['start', '--port', '0', '--data', file]);
      expect(notFolder.code).toBe(1);
      expect(notFolder.stderr).toMatch(/ENOTDIR|EEXIST/);

      const closed = await occupyPort();
      await new Promise((resolve) => closed.server.close(resolve));
      const postgres = await run(['start', '--port', '0'], {
        DATABASE_URL: `postgres://toolgate@127.0.0.1:${closed.port}/toolgate`,
        TOOLGATE_SECRET_KEY: generateSecretKey(),
      });
      expect(postgres.code).toBe(1);
      expect(postgres.stderr).toContain(`could not use PostgreSQL at 127.0.0.1:${closed.port}/toolgate`);
      expect(postgres.stderr).toContain('ECONNREFUSED');
    },
    START_TIMEOUT_MS,
  );
});

describe('recovery for a locked-out owner', () => {
  it(
    'operators reset-password prints a new password once and the old one stops working; keys create-admin makes a working key',
    async () => {
      const first = await start();
      const old = credentials(first.output()).password as string;
      expect((await signIn(first.url, old)).status).toBe(200);
      const refused = await run(['operators', 'reset-password', 'admin@localhost', '--data', dataDir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`curl -X POST ${first.url}/api/v1/operators`);
      await stop(first);

      const reset = await run(['operators', 'reset-password', 'Admin@Localhost', '--data', dataDir]);
      expect(reset.code).toBe(0);
      const fresh = /\(shown once; their sessions ended\): (\S+)/.exec(reset.stdout)?.[1] as string;
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(old);
      const unknown = await run(['operators', 'reset-password', 'nobody@example.com', '--data', dataDir]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('its operators: admin@localhost');

      const key = await run(['keys', 'create-admin', '--data', dataDir]);
      expect(key.code).toBe(0);
      const adminKey = /\(shown once\): (tg_\S+)/.exec(key.stdout)?.[1] as string;

      const server = await start();
      try {
        expect(server.output()).not.toContain('API key (all scopes)');
        expect((await signIn(server.url, old)).status).toBe(401);
        expect((await signIn(server.url, fresh)).status).toBe(200);
        const actions = await httpJson(`${server.url}/api/v1/actions`, {
          headers: { authorization: `Bearer ${adminKey}` },
        });
        expect(actions.status).toBe(200);
      } finally {
        await stop(server);
      }
    },
    START_TIMEOUT_MS,
  );
});
