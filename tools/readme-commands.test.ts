import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanEnv,
  freeLoopbackPort,
  type SpawnedServer,
  spawnToolgateServer,
} from '../packages/server/src/test/spawned-server.js';
import { assignedNames, isShellBlock, type ReadmeBlock, readmeBlocks } from './readme-blocks.js';

/**
 * The README's shell blocks, run in order with bash against a real `toolgate start` on a free
 * loopback port with a new data folder, as a reader would paste them into a second terminal.
 * Variables a block sets are kept for the next one. What a reader fills in or has elsewhere is
 * substituted (see SUBSTITUTIONS); a block marked `skip:` is not run, and says why.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const markdown = await readFile(join(root, 'README.md'), 'utf8');
const blocks = readmeBlocks(markdown);
const shellBlocks = blocks.filter(isShellBlock);
const ACTION_FILE = 'examples/action.json';
const EXAMPLE_ENDPOINT = 'https://shop.example.com/api/orders/status';

let dataDir: string;
let server: SpawnedServer;
let statePath: string;
let substitutions: Array<[from: string, to: string, why: string]>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-readme-'));
  statePath = join(dataDir, 'readme-shell-state.sh');
  server = await spawnToolgateServer({ dataDir: join(dataDir, 'data'), port: await freeLoopbackPort() });
  if (!server.adminKey || !server.demoUrl)
    throw new Error(`the first start printed no key or demo:\n${server.output()}`);
  // The reader's action points at their own endpoint; here it is the demo's, which the server may call.
  const action = (await readFile(join(root, ACTION_FILE), 'utf8')).replaceAll(
    EXAMPLE_ENDPOINT,
    server.demoUrl,
  );
  const actionCopy = join(dataDir, 'action.json');
  await writeFile(actionCopy, action);
  substitutions = [
    ['http://127.0.0.1:3000', server.url, 'the server runs on a free port'],
    ['tg_...', server.adminKey, 'the admin key the first start printed'],
    [ACTION_FILE, actionCopy, 'a copy pointed at the demo endpoint instead of shop.example.com'],
    [EXAMPLE_ENDPOINT, server.demoUrl, 'the demo endpoint instead of shop.example.com'],
  ];
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function substitute(code: string): string {
  return substitutions.reduce((text, [from, to]) => text.replaceAll(from, to), code);
}

/** Runs one block with bash (-e, pipefail), its input on stdin, the earlier blocks' variables set. */
async function runBlock(
  block: ReadmeBlock,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const names = assignedNames(shellBlocks).join(' ');
  const script = [
    'set -eo pipefail',
    `if [ -f '${statePath}' ]; then . '${statePath}'; fi`,
    // Keeps the block's variables for the next block, and the block's own exit status.
    `trap 'status=$?; declare -p ${names} > "${statePath}.next" 2>/dev/null || true; mv "${statePath}.next" "${statePath}"; exit $status' EXIT`,
    substitute(block.code),
  ].join('\n');
  const child = spawn('bash', ['-c', script], {
    cwd: root,
    // npx finds the workspace's own `toolgate`; offline, it could never fetch one from the registry.
    env: cleanEnv({ npm_config_offline: 'true', npm_config_update_notifier: 'false' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  // A block that never reads its input may be gone before it is written.
  child.stdin.on('error', () => undefined);
  child.stdin.end(block.input.map((line) => `${line}\n`).join(''));
  const code = await new Promise<number | null>((resolve) => child.once('close', (exit) => resolve(exit)));
  return { code, stdout, stderr };
}

describe('the README', () => {
  it('has shell blocks, and the placeholders the test fills in are still there', () => {
    expect(shellBlocks.length).toBeGreaterThan(5);
    const runnable = shellBlocks.filter((block) => block.skip === undefined).map((block) => block.code);
    for (const placeholder of ['http://127.0.0.1:3000', 'tg_...', ACTION_FILE])
      expect(runnable.join('\n'), `no block uses ${placeholder} any more`).toContain(placeholder);
    // curl exits 0 on an HTTP error unless told otherwise: a 409 must fail the block.
    for (const code of runnable)
      for (const call of code.match(/\bcurl\b[^\n]*/g) ?? [])
        expect(call, 'every curl fails on an HTTP error').toMatch(/--fail-with-body|--fail\b|\s-f\b/);
  });

  for (const block of blocks.filter((candidate) => candidate.sameAs !== undefined)) {
    it(`shows ${block.sameAs} as it is (line ${block.line})`, async () => {
      const file = await readFile(join(root, block.sameAs ?? ''), 'utf8');
      expect(JSON.parse(block.code)).toEqual(JSON.parse(file));
    });
  }

  for (const block of shellBlocks) {
    const title = block.code.split('\n')[0]?.slice(0, 70);
    if (block.skip !== undefined) {
      it(`does not run line ${block.line} (${title}): ${block.skip}`, () => {
        expect(block.skip, 'a skipped block says why').not.toBe('');
      });
      continue;
    }
    it(`runs line ${block.line}: ${title}`, async () => {
      const result = await runBlock(block);
      const shown = `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
      expect(result.code, shown).toBe(block.exit);
      for (const text of block.expect) expect(result.stdout, shown).toContain(text);
      if (process.env.README_TEST_SHOW) console.log(`line ${block.line}:\n${shown}`);
    }, 90_000);
  }
});
