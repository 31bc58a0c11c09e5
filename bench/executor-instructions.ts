/**
 * Instructions per call of the executor and of plain undici, counted by valgrind's callgrind:
 * repeatable where wall-clock figures on a shared machine are not. Run (build core first):
 *
 *   npx tsc -b packages/core && node --import tsx bench/executor-instructions.ts
 *
 * Each client runs in its own process under callgrind with instrumentation off (start-up, module
 * loading, TLS handshakes and JIT warm-up are not counted); after the warm-up the script turns it
 * on (`callgrind_control -i on <pid>`), makes INSTR_CALLS calls, dumps the counts
 * (`callgrind_control -d <pid>`) and divides. The HTTPS server runs in the same process, so a
 * count is client and server together: the ratio plain / executor is the throughput ratio to
 * expect when the machine is CPU-bound. Environment: INSTR_CALLS (3000), INSTR_WARMUP (2000),
 * INSTR_CONCURRENCY (64), INSTR_CLIENTS (`plain,executor`), INSTR_KEEP (keep the callgrind files,
 * for callgrind_annotate), BENCH_CORE_DIST (another build of core's index.js, e.g. of an earlier
 * commit, to compare).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';
import { type Call, createBenchClients } from './executor-bench-setup.js';
import { startJsonAnswerServer } from './json-answer-server.js';

const CALLS = Number(process.env.INSTR_CALLS ?? 3000);
const WARMUP = Number(process.env.INSTR_WARMUP ?? 2000);
const CONCURRENCY = Number(process.env.INSTR_CONCURRENCY ?? 64);
const CLIENTS = (process.env.INSTR_CLIENTS ?? 'plain,executor').split(',');

/** Makes `count` calls, `concurrency` at a time. */
async function run(call: Call, count: number, concurrency: number): Promise<void> {
  let left = count;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (left > 0) {
        left -= 1;
        await call();
      }
    }),
  );
}

/** The measured process: warm-up, `warm`; on `go`, the calls, `done`; on `exit`, exits. */
async function child(client: string): Promise<void> {
  const tls = JSON.parse(process.env.BENCH_TLS ?? '{}') as { key: string; cert: string };
  const { server, port, connections } = await startJsonAnswerServer(tls);
  const clients = createBenchClients(port, tls.cert, { connectTimeoutMs: 600_000, timeoutMs: 600_000 });
  const call = client === 'plain' ? clients.plain : clients.viaExecutor;
  const reasons = new Map<string, number>();
  clients.plainAgent.on('disconnect', (_origin, _targets, error) => {
    reasons.set(error.message, (reasons.get(error.message) ?? 0) + 1);
  });
  // Connections are opened a few at a time: TLS handshakes under valgrind are slow.
  for (let concurrency = 1; concurrency < CONCURRENCY; concurrency *= 2) {
    await run(call, concurrency, concurrency);
  }
  await run(call, WARMUP, CONCURRENCY);
  // undici's pool keeps growing for a while (up to about two connections per concurrent caller):
  // warm up until a round opens none, so no TLS handshake is counted.
  for (let round = 0; round < 20; round += 1) {
    const before = connections();
    await run(call, 500, CONCURRENCY);
    if (connections() === before) break;
  }
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  // callgrind_control is only answered while the process runs: the event loop is kept waking
  // while it waits for one, never while calls are counted (a timer would fire more often there
  // than the calls take natively).
  (globalThis as { gc?: () => void }).gc?.();
  let awake = setInterval(() => {}, 2);
  process.stdout.write('warm\n');
  await lines.next();
  clearInterval(awake);
  const before = connections();
  await run(call, CALLS, CONCURRENCY);
  const opened = connections() - before;
  awake = setInterval(() => {}, 2);
  process.stdout.write(
    `${client}: connections: ${connections()} opened, ${opened} of them during the counted calls; closed: ${JSON.stringify([...reasons])}\n`,
  );
  process.stdout.write('done\n');
  await lines.next();
  clearInterval(awake);
  await clients.close();
  server.closeAllConnections();
  server.close();
  process.stdin.destroy();
}

const control = (...args: string[]) => promisify(execFile)('callgrind_control', args);

/** Instructions (Ir) callgrind counted over the measured calls of one client, every thread. */
async function instructions(client: string, tls: string): Promise<{ main: number; all: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'executor-instructions-'));
  try {
    const measured = spawn(
      'valgrind',
      [
        '--tool=callgrind',
        '--instr-atstart=no',
        '--separate-threads=yes',
        // V8 writes and rewrites machine code: valgrind must notice.
        '--smc-check=all-non-file',
        `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
        process.execPath,
        // A full collection just before counting, and young-generation collections rarer: the
        // garbage collector's timing was most of the run-to-run spread.
        '--expose-gc',
        '--max-semi-space-size=16',
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        client,
      ],
      { env: { ...process.env, BENCH_TLS: tls }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    measured.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => measured.on('exit', resolve));
    const pid = String(measured.pid);
    for await (const line of createInterface({ input: measured.stdout })) {
      // Always by pid: without one, callgrind_control talks to every callgrind process running.
      if (line === 'warm') {
        await control('-i', 'on', pid);
        measured.stdin.write('go\n');
      } else if (line === 'done') {
        await control('-d', pid);
        measured.stdin.write('exit\n');
      } else process.stdout.write(`${line}\n`);
    }
    if ((await exited) !== 0) throw new Error(`the ${client} run failed:\n${stderr}`);
    // One file per thread and dump: `callgrind.out.1-01` is the main thread's first dump.
    const dumps = (await readdir(dir)).filter((file) => /\.\d+-\d+$/.test(file));
    if (dumps.length === 0) throw new Error(`callgrind wrote no dump for the ${client} run`);
    const total = { main: 0, all: 0 };
    for (const file of dumps) {
      const summary = /^(?:summary|totals): (\d+)/m.exec(await readFile(join(dir, file), 'utf8'));
      if (!summary) throw new Error(`no instruction total in ${file}`);
      total.all += Number(summary[1]);
      if (file.endsWith('-01')) total.main += Number(summary[1]);
    }
    return total;
  } finally {
    if (process.env.INSTR_KEEP) process.stdout.write(`callgrind files kept in ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [flag, client] = process.argv.slice(2);
  if (flag === '--child') return child(client ?? 'plain');
  const tls = JSON.stringify(await testCertificate());
  const perCall: Record<string, { main: number; all: number }> = {};
  for (const name of CLIENTS) {
    const total = await instructions(name, tls);
    const counted = { main: total.main / CALLS, all: total.all / CALLS };
    perCall[name] = counted;
    process.stdout.write(
      `${name}: ${counted.main.toFixed(0)} instructions per call on the main thread, ${counted.all.toFixed(0)} on all threads (${CALLS} calls)\n`,
    );
  }
  const { plain, executor } = perCall;
  if (plain !== undefined && executor !== undefined) {
    process.stdout.write(
      `executor - plain: ${(executor.main - plain.main).toFixed(0)} main-thread instructions per call; ratio plain / executor: ` +
        `${(plain.main / executor.main).toFixed(3)} main thread, ${(plain.all / executor.all).toFixed(3)} all threads ` +
        `(concurrency ${CONCURRENCY}, warm-up ${WARMUP}, node ${process.version})\n`,
    );
  }
}

await main();
