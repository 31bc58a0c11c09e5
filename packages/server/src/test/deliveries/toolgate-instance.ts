import { spawnToolgate, type ToolgateProcess } from '../spawn-toolgate.js';

/** Where an instance keeps its data: an embedded data folder, or a PostgreSQL database. */
export type InstanceStorage =
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'postgres'; url: string; dataDir: string };

/** One `toolgate start` that can be SIGKILLed and started again on the same data and port. */
export interface ToolgateInstance {
  readonly name: string;
  /** `http://127.0.0.1:<port>`, the same across restarts. */
  readonly url: string;
  /** The pid of the running node process, undefined while it is down. */
  readonly pid: number | undefined;
  /** Everything every run of it printed. */
  output(): string;
  start(): Promise<void>;
  /** SIGKILL to the node process itself (spawnToolgate spawns node, no shell or wrapper); waits for its end. */
  kill9(): Promise<void>;
  /** SIGTERM (a graceful stop); waits for its end. */
  stop(): Promise<void>;
}

/** How long a start may take on the shared 2-core machine before the run fails. */
const START_TIMEOUT_MS = 60_000;

/**
 * A real server process from the CLI bundle (bundleCliFromSource), on a fixed loopback port so
 * clients find it again after a restart. `env` carries the settings every start shares.
 */
export function toolgateInstance(options: {
  name: string;
  entry: string;
  port: number;
  storage: InstanceStorage;
  env: Record<string, string>;
}): ToolgateInstance {
  let current: ToolgateProcess | undefined;
  let printed = '';
  const env = {
    ...options.env,
    ...(options.storage.engine === 'postgres' ? { DATABASE_URL: options.storage.url } : {}),
  };
  const args = [
    'start',
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--data',
    options.storage.dataDir,
  ];

  async function end(signal: NodeJS.Signals) {
    const running = current;
    if (!running) return;
    running.child.kill(signal);
    const { stdout, stderr } = await running.exited;
    printed += stdout + stderr;
    current = undefined;
  }

  return {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    get pid() {
      return current?.pid;
    },
    output: () => printed + (current?.output() ?? ''),
    async start() {
      if (current) throw new Error(`${options.name} is already running (pid ${current.pid})`);
      const started = spawnToolgate(options.entry, args, env);
      current = started;
      const timer = setTimeout(() => started.child.kill('SIGKILL'), START_TIMEOUT_MS);
      try {
        await started.waitFor(/Toolgate is listening on http:\/\/\S+ /);
      } catch (error) {
        current = undefined;
        throw new Error(`${options.name} did not start: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    },
    kill9: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
