import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanEnv,
  freeLoopbackPort,
  type SpawnedServer,
  spawnToolgateServer,
  TOOLGATE_BIN,
} from '../test/spawned-server.js';

/**
 * `toolgate chat` as a real process against a real `toolgate start`, both on loopback: what the
 * terminal shows for a failed call, and what happens when the server stops mid-chat and comes back.
 */
let folder: string;
let dataDir: string;
let port: number;
let server: SpawnedServer;
let adminKey: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'toolgate-chat-process-'));
  dataDir = join(folder, 'data');
  port = await freeLoopbackPort();
  server = await spawnToolgateServer({ dataDir, port });
  adminKey = server.adminKey ?? '';
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

/** The chat command with its output collected; `until` waits for a pattern in it. */
function startChat(extraArgs: string[] = []) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [
      TOOLGATE_BIN,
      'chat',
      '--agent',
      'Demo shop assistant',
      '--url',
      server.url,
      '--key',
      adminKey,
      ...extraArgs,
    ],
    { env: cleanEnv(), stdio: 'pipe' },
  );
  let stdout = '';
  let stderr = '';
  const waiting = new Set<() => void>();
  const changed = () => {
    for (const check of waiting) check();
  };
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
    changed();
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
    changed();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    say: (text: string) => child.stdin.write(`${text}\n`),
    end: () => child.stdin.end(),
    out: () => stdout,
    err: () => stderr,
    exited,
    /** Resolves when `pattern` shows in stdout (or stderr); fails when the process exits first. */
    until(pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout'): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(stream === 'stdout' ? stdout : stderr)) {
            waiting.delete(check);
            resolve();
          }
        };
        waiting.add(check);
        check();
        void exited.then((code) => {
          if (!waiting.has(check)) return;
          waiting.delete(check);
          reject(new Error(`chat exited (${code}) before ${pattern}:\n${stdout}\n--- stderr\n${stderr}`));
        });
      });
    },
  };
}

describe('toolgate chat, as a process', () => {
  it('shows a failed call once, with its status, and the apology once', async () => {
    const chat = startChat();
    await chat.until(/^agent: Hi!/m);
    chat.say('where is ORD-500?');
    await chat.until(/right now\. Please try again later\.\n/);
    chat.end();
    expect(await chat.exited).toBe(0);
    const lines = chat.out().split('\n');
    expect(lines.filter((line) => line.startsWith('  ✗'))).toEqual([
      '  ✗ check_order_status: http_error (HTTP 503 Service Unavailable)',
    ]);
    expect(lines.filter((line) => line.includes('Please try again later'))).toHaveLength(1);
  }, 60_000);

  it('retries while the server is away and goes on when it is back', async () => {
    const chat = startChat(['--retries', '30']);
    chat.say('where is ORD-12345?');
    await chat.until(/shipped/);
    await server.stop();
    chat.say('where is ORD-10001?');
    await chat.until(new RegExp(`server at ${server.url} not reachable.*retrying`), 'stderr');
    server = await spawnToolgateServer({ dataDir, port });
    await chat.until(/processing/);
    chat.say('where is ORD-20002?');
    await chat.until(/delivered/);
    chat.end();
    expect(await chat.exited).toBe(0);
    expect(chat.err()).toContain('the server is back');
  }, 120_000);

  it('gives up after its retries and exits 1 while its input is still open', async () => {
    const chat = startChat(['--retries', '1']);
    await chat.until(/^agent: Hi!/m);
    await server.stop();
    chat.say('where is ORD-12345?');
    expect(await chat.exited).toBe(1);
    expect(chat.err()).toMatch(
      new RegExp(`server at ${server.url} not reachable \\(ECONNREFUSED\\); giving up`),
    );
    server = await spawnToolgateServer({ dataDir, port });
  }, 120_000);
});
