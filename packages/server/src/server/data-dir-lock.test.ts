import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from './data-dir-lock.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-lock-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const lockPath = () => join(dataDir, LOCK_FILE);
const readLock = () => JSON.parse(readFileSync(lockPath(), 'utf8'));

/** The pid of a process that has exited: nothing runs under it now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

/** A process that stays alive until killed, holding a pid for a lock file to name. */
function livingProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  return { pid: child.pid as number, stop: () => child.kill('SIGKILL') };
}

describe('the data folder lock', () => {
  it('writes pid, command, start time and host, adds the URL, and is removed on release', async () => {
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    expect(readLock()).toMatchObject({
      pid: process.pid,
      command: 'toolgate start',
      hostname: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(readLock().startedAt))).toBe(false);
    lock.setUrl('http://127.0.0.1:4321');
    expect(readLock().url).toBe('http://127.0.0.1:4321');
    lock.release();
    await expect(stat(lockPath())).rejects.toThrow(/ENOENT/);
    lock.release(); // twice is harmless
  });

  it('refuses while the owner lives, naming its pid, command and URL', async () => {
    const owner = livingProcess();
    try {
      writeFileSync(
        lockPath(),
        JSON.stringify({
          pid: owner.pid,
          command: 'toolgate start',
          startedAt: '2026-01-01T00:00:00.000Z',
          hostname: 'here',
          url: 'http://127.0.0.1:3999',
        }),
      );
      const refused = await acquireDataDirLock(dataDir, { command: 'toolgate tenants create' }).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as Error).message).toContain(`pid ${owner.pid}`);
      expect((refused as Error).message).toContain('http://127.0.0.1:3999');
      expect(readLock().pid).toBe(owner.pid);
    } finally {
      owner.stop();
    }
  });

  it('takes over a lock whose process is gone, with a warning', async () => {
    const pid = await deadPid();
    writeFileSync(
      lockPath(),
      JSON.stringify({ pid, command: 'toolgate start', startedAt: 'x', hostname: hostname() }),
    );
    const warnings: string[] = [];
    const lock = await acquireDataDirLock(dataDir, {
      command: 'toolgate start',
      warn: (message) => warnings.push(message),
    });
    expect(readLock().pid).toBe(process.pid);
    expect(warnings.join('\n')).toMatch(new RegExp(`from pid ${pid} .*that process is gone`));
    lock.release();
  });

  it('treats its own pid in an old file as stale (a container restarted with the same pid)', async () => {
    writeFileSync(
      lockPath(),
      JSON.stringify({ pid: process.pid, command: 'toolgate start', startedAt: 'x' }),
    );
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    expect(readLock().command).toBe('toolgate start');
    lock.release();
  });

  it('release leaves a lock that another process took meanwhile alone', async () => {
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    const other = livingProcess();
    try {
      writeFileSync(
        lockPath(),
        JSON.stringify({ pid: other.pid, command: 'toolgate start', startedAt: 'x' }),
      );
      lock.release();
      expect(readLock().pid).toBe(other.pid);
    } finally {
      other.stop();
    }
  });

  it('a second acquire in the same process is refused until the first is released', async () => {
    const first = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    await expect(acquireDataDirLock(dataDir, { command: 'toolgate start' })).rejects.toThrow(
      DataDirLockedError,
    );
    first.release();
    const second = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    second.release();
  });
});
