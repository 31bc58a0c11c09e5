/**
 * How long does `toolgate start` take from process start to "listening", on a new data folder
 * (first start) and on the same folder again (restart)? Compares this checkout with a baseline
 * checkout (another worktree, built), alternating runs so both see the same machine load.
 *
 * Run: `npm run bench:startup -- --baseline /path/to/other/checkout [--runs 5]`
 * Without --baseline only this checkout is measured. Each checkout must be built (`npm install`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = resolve(fileURLToPath(new URL('..', import.meta.url)));

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Milliseconds from spawn to the "listening" line, then stops the server (SIGTERM) and waits. */
async function timeStart(root: string, dataDir: string): Promise<{ wallMs: number; readyMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'packages/server/bin/toolgate.js'), 'start', '--data', dataDir, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_FORMAT: 'json' } },
  );
  let output = '';
  const wallMs = await new Promise<number>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Toolgate is listening on')) done(performance.now() - started);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => fail(new Error(`${root}: exited ${code} before listening:\n${output}`)));
  });
  const exited = new Promise((done) => child.on('exit', done));
  child.kill('SIGTERM');
  await exited;
  const readyMs = Number(/"readyMs":(\d+)/.exec(output)?.[1] ?? Number.NaN);
  return { wallMs, readyMs };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const runs = Number(option('runs') ?? 5);
const baseline = option('baseline');
const checkouts: Array<[string, string]> = [['this checkout', HERE]];
if (baseline) checkouts.unshift(['baseline', resolve(baseline)]);

const results = new Map<
  string,
  { first: number[]; restart: number[]; firstReady: number[]; restartReady: number[] }
>();
for (const [name] of checkouts)
  results.set(name, { first: [], restart: [], firstReady: [], restartReady: [] });

for (let run = 0; run < runs; run++) {
  for (const [name, root] of checkouts) {
    const dataDir = await mkdtemp(join(tmpdir(), 'toolgate-bench-start-'));
    try {
      const first = await timeStart(root, dataDir);
      const restart = await timeStart(root, dataDir);
      const entry = results.get(name);
      if (!entry) throw new Error(name);
      entry.first.push(first.wallMs);
      entry.firstReady.push(first.readyMs);
      entry.restart.push(restart.wallMs);
      entry.restartReady.push(restart.readyMs);
      console.log(
        `run ${run + 1} ${name}: first ${first.wallMs.toFixed(0)} ms (ready ${first.readyMs}), restart ${restart.wallMs.toFixed(0)} ms (ready ${restart.readyMs})`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

console.log(`\nmedians of ${runs} runs (spawn to "listening"; "ready" is the server's own readyMs):`);
console.log('| checkout | first start ms | ready ms | restart ms | ready ms |');
console.log('|---|---|---|---|---|');
for (const [name, entry] of results) {
  console.log(
    `| ${name} | ${median(entry.first).toFixed(0)} | ${median(entry.firstReady)} | ${median(entry.restart).toFixed(0)} | ${median(entry.restartReady)} |`,
  );
}
if (baseline) {
  const base = results.get('baseline');
  const mine = results.get('this checkout');
  if (base && mine) {
    console.log(
      `ratio this/baseline: first start ${(median(mine.first) / median(base.first)).toFixed(2)}, restart ${(median(mine.restart) / median(base.restart)).toFixed(2)}`,
    );
  }
}
