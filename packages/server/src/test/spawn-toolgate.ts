import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Bundles the CLI from the TypeScript sources the way `scripts/bundle-cli.js` bundles dist/, into
 * `dist/test-bundle-<pid>/` (as deep as dist/bundle/, so the paths modules compute from
 * import.meta.url hold), so tests spawn real `toolgate` processes without a build first and
 * without tsx's per-process compile. Returns the file and a function that removes it.
 */
export async function bundleCliFromSource(): Promise<{ entry: string; remove: () => Promise<void> }> {
  const folder = source(`../../dist/test-bundle-${process.pid}/`);
  const entry = `${folder}toolgate.js`;
  await build({
    entryPoints: [source('./toolgate-from-source.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@electric-sql/pglite', 'pg-native'],
    // The subpath first: an alias also matches the paths under it.
    alias: {
      '@toolgate/core/llm': source('../../../core/src/llm.ts'),
      '@toolgate/core/openapi': source('../../../core/src/openapi/index.ts'),
      '@toolgate/core': source('../../../core/src/index.ts'),
    },
    banner: {
      js: "import { createRequire as __toolgateRequire } from 'node:module'; const require = __toolgateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { entry, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Environment variables a test's toolgate must not inherit from the shell that runs the tests. */
const INHERITED_SETTINGS = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'TOOLGATE_DATA_DIR',
  'TOOLGATE_SECRET_KEY',
  'TOOLGATE_PREVIOUS_SECRET_KEYS',
  'TOOLGATE_ADMIN_KEY',
];

/** A spawned `toolgate` process: what it printed so far, and its end. */
export interface ToolgateProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects if the process ends first. */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  /** Exit code (or the signal's name) and everything printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Spawns `node --liftoff-only <entry> ...args` (as bin/toolgate.js runs) with a clean environment plus `env`. */
export function spawnToolgate(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
): ToolgateProcess {
  const base = { ...process.env };
  for (const name of INHERITED_SETTINGS) delete base[name];
  const child = spawn(process.execPath, ['--liftoff-only', entry, ...args], {
    env: { ...base, TOOLGATE_DEMO: 'off', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
    changed();
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
    changed();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = (stdout + stderr).match(pattern);
        if (!match) return false;
        waiters.delete(check);
        resolve(match);
        return true;
      };
      if (check()) return;
      waiters.add(check);
      void exited.then(() => {
        if (check()) return;
        waiters.delete(check);
        reject(new Error(`toolgate ${args.join(' ')} ended before printing ${pattern}:\n${stdout}${stderr}`));
      });
    });
  return { child, pid: child.pid as number, output: () => stdout + stderr, waitFor, exited };
}
