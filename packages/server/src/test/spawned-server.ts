import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The installed command, as `npx toolgate` runs it (the built bundle: `npm run build` first). */
export const TOOLGATE_BIN = fileURLToPath(new URL('../../bin/toolgate.js', import.meta.url));

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port for the probe server');
  return address.port;
}

/** The environment with every TOOLGATE_* variable (and a database URL) of the test run removed. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('TOOLGATE_') && name !== 'DATABASE_URL' && name !== 'PORT' && name !== 'HOST')
      env[name] = value;
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

/** `toolgate start` as a real process. */
export interface SpawnedServer {
  url: string;
  /** What the first start of a data folder prints once (undefined on later starts). */
  adminKey: string | undefined;
  /** The demo endpoint the first start seeded (undefined on later starts or without a demo). */
  demoUrl: string | undefined;
  /** Everything printed so far. */
  output(): string;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `toolgate start --port <port> --data <dataDir>` and resolves once it says it is listening.
 * Rejects with what it printed when it exits first or is not listening within `timeoutMs`.
 */
export async function spawnToolgateServer(options: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<SpawnedServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [TOOLGATE_BIN, 'start', '--port', String(options.port), '--data', options.dataDir],
    { env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stdout?.on('data', (chunk) => {
    printed += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    printed += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`toolgate start was not listening after ${options.timeoutMs ?? 60_000} ms:\n${printed}`),
      );
    }, options.timeoutMs ?? 60_000);
    const check = () => {
      const listening = /Toolgate is listening on (http:\/\/\S+)/.exec(printed);
      if (!listening?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(listening[1]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`toolgate start exited with ${code} before listening:\n${printed}`));
    });
  });
  return {
    url,
    adminKey: /API key \(all scopes\):\s+(tg_\S+)/.exec(printed)?.[1],
    demoUrl: /looks orders up at (https:\/\/\S+),/.exec(printed)?.[1],
    output: () => printed,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
