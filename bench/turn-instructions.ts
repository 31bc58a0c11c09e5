/**
 * Instructions per embedded chat turn and per API read, counted by valgrind's callgrind on a fixed
 * workload, so that a change can be judged on a shared, noisy machine. For each engine (PGlite,
 * then PostgreSQL at TOOLGATE_TEST_POSTGRES_URL) the server (`turn-instructions-server.ts`) runs
 * under callgrind; the client and the shop's endpoint run in untraced child processes, and so
 * does PostgreSQL: its instructions are not counted, PGlite's (in-process) are. The client sends
 * one request at a time: a warm-up, then BENCH_CONVERSATIONS (30) scripted 3-turn conversations
 * (their starts included in "per turn"), then BENCH_READS (300) of GET /api/v1/actions and of
 * GET /api/v1/actions/{id}. Each phase is dumped with callgrind_control before and after; the cost
 * of that alone (an empty phase) is subtracted. Expect a few minutes per engine; run-to-run spread
 * is about 1% (JIT tiering is not fully deterministic).
 *
 *   npm run bench:instructions                  (BENCH_ENGINES=pglite,postgres)
 *   BENCH_CALLGRIND=0 npm run bench:instructions    (no valgrind: CPU µs per phase instead)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';
import { postgresAvailable } from '../packages/server/src/test/engines.js';

const withCallgrind = process.env.BENCH_CALLGRIND !== '0';

interface Phase {
  count: number;
  instructions?: number;
  cpuMicros?: number;
}

/**
 * The server as one ESM file (packages from node_modules left outside), in packages/server/dist
 * at the depth of src/storage so that the paths it finds by `import.meta.url` still hold.
 */
async function bundle(root: string): Promise<string> {
  // A folder per run: runs of two trees side by side do not share one bundle.
  const outfile = join(
    mkdtempSync(fileURLToPath(new URL('../packages/server/dist/bench-', import.meta.url))),
    'turn-instructions-server.mjs',
  );
  await build({
    entryPoints: [join(root, 'bench/turn-instructions-server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

async function measure(engine: string, bundled: string): Promise<Record<string, Phase>> {
  const out = join(mkdtempSync(join(tmpdir(), 'turn-instructions-')), 'callgrind.out');
  const node = [process.execPath, bundled];
  const [command, ...args] = withCallgrind
    ? ['valgrind', '--tool=callgrind', `--callgrind-out-file=${out}`, ...node]
    : node;
  // The server's (and its client's) errors go straight to this terminal: a phase that fails
  // must not look like one still running.
  const child = spawn(command as string, args, {
    env: {
      ...process.env,
      BENCH_ENGINE: engine,
      BENCH_TLS: JSON.stringify(await testCertificate()),
      BENCH_DIR: fileURLToPath(new URL('.', import.meta.url)),
      ...(withCallgrind ? { BENCH_CALLGRIND_OUT: out } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the ${engine} run failed (exit ${code})`);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return (JSON.parse(line) as { results: Record<string, Phase> }).results;
}

async function main() {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const rows: string[] = [];
  // BENCH_SOURCE: another checkout's tree to measure (git archive of an older commit, for a before).
  const bundled = await bundle(process.env.BENCH_SOURCE ?? fileURLToPath(new URL('..', import.meta.url)));
  for (const engine of engines) {
    if (engine === 'postgres' && !(await postgresAvailable())) {
      rows.push('| postgres | (not reachable: skipped) | | |');
      continue;
    }
    const results = await measure(engine, bundled);
    const per = (phase: string) => {
      const result = results[phase];
      if (!result) return 'n/a';
      const cost = withCallgrind ? result.instructions : result.cpuMicros;
      return ((cost ?? Number.NaN) / result.count).toFixed(0);
    };
    rows.push(`| ${engine} | ${per('turns')} | ${per('list reads')} | ${per('single reads')} |`);
  }
  const unit = withCallgrind ? 'instructions' : 'CPU µs';
  process.stdout.write(
    [
      `Fixed workload, one request at a time; node ${process.version}`,
      '',
      `| engine | ${unit} per turn | ${unit} per GET /api/v1/actions | ${unit} per GET /api/v1/actions/{id} |`,
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
