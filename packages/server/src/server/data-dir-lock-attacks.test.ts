import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockedFolderMessage } from '../cli/locked-folder-hint.js';
import {
  acquireDataDirLock,
  currentBootId,
  DataDirLockedError,
  explainUnwritable,
  LOCK_FILE,
} from './data-dir-lock.js';

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'toolgate-lock-attack-'));
  dataDir = join(root, 'data');
  await acquireDataDirLock(dataDir, { command: 'setup' }).then((lock) => lock.release());
});
afterEach(() => rm(root, { recursive: true, force: true }));

const lockPath = () => join(dataDir, LOCK_FILE);

/** The pid of a process that has exited: nothing runs under it on this host now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

function plantLock(owner: { pid: number; hostname: string }) {
  writeFileSync(
    lockPath(),
    JSON.stringify({ ...owner, command: 'toolgate start', startedAt: '2026-12-06T22:00:00.000Z' }),
  );
}

describe('a data folder shared with another host (two containers on one volume)', () => {
  it('refuses a lock of another host that names our own pid: both containers run as pid 1', async () => {
    plantLock({ pid: process.pid, hostname: 'toolgate-7d9f-other-pod' });
    const refused = await acquireDataDirLock(dataDir, { command: 'toolgate start' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain('on host toolgate-7d9f-other-pod');
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).hostname).toBe('toolgate-7d9f-other-pod');
  });

  it('refuses a lock of another host whose pid does not run here: this host cannot tell', async () => {
    plantLock({ pid: await deadPid(), hostname: 'toolgate-7d9f-other-pod' });
    const refused = await acquireDataDirLock(dataDir, { command: 'toolgate start' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    const message = lockedFolderMessage(refused as DataDirLockedError, 'toolgate start');
    expect(message).toContain('toolgate-7d9f-other-pod');
    expect(message).toContain(`delete ${lockPath()}`);
  });

  it('still takes over a dead pid of this host', async () => {
    plantLock({ pid: await deadPid(), hostname: hostname() });
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start', warn: () => {} });
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('release leaves alone a lock that another host took with the same pid', async () => {
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    // The lock was deleted by hand and the other container (also pid 1) took the folder.
    plantLock({ pid: process.pid, hostname: 'toolgate-7d9f-other-pod' });
    lock.release();
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).hostname).toBe('toolgate-7d9f-other-pod');
  });
});

describe('a lock left by a crash, whose pid a process started at the next boot now has', () => {
  it('is taken over when the lock names an earlier boot, and held when it names this one', async () => {
    // The test's own parent stands in for the service that got the pid after the restart.
    const reused = process.ppid;
    const bootId = currentBootId();
    writeFileSync(
      lockPath(),
      JSON.stringify({
        pid: reused,
        command: 'toolgate start',
        startedAt: 'x',
        hostname: hostname(),
        bootId: 'boot-before-the-crash',
      }),
    );
    const warnings: string[] = [];
    const outcome = await acquireDataDirLock(dataDir, {
      command: 'toolgate start',
      warn: (m) => warnings.push(m),
    }).catch((error: unknown) => error);
    if (bootId === undefined) {
      // No boot id on this system: a live pid keeps the lock, as before.
      expect(outcome).toBeInstanceOf(DataDirLockedError);
      return;
    }
    expect(outcome).not.toBeInstanceOf(Error);
    expect(warnings.join('\n')).toContain('the machine restarted since');
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, bootId });
    (outcome as { release(): void }).release();

    plantLock({ pid: reused, hostname: hostname() });
    writeFileSync(lockPath(), JSON.stringify({ ...JSON.parse(readFileSync(lockPath(), 'utf8')), bootId }));
    await expect(acquireDataDirLock(dataDir, { command: 'toolgate start' })).rejects.toThrow(
      DataDirLockedError,
    );
  });
});

describe('symlinks planted in the data folder', () => {
  it('a lock file that is a symlink is never written through, and its target survives', async () => {
    const target = join(root, 'precious.txt');
    writeFileSync(target, 'precious');
    symlinkSync(target, lockPath());
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start', warn: () => {} });
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(lstatSync(lockPath()).isSymbolicLink()).toBe(false);
    lock.setUrl('http://127.0.0.1:3000');
    lock.release();
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('the temporary file of setUrl is not written through a planted symlink', async () => {
    const target = join(root, 'precious.txt');
    writeFileSync(target, 'precious');
    const lock = await acquireDataDirLock(dataDir, { command: 'toolgate start' });
    symlinkSync(target, `${lockPath()}.${process.pid}.tmp`);
    lock.setUrl('http://127.0.0.1:3000');
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).url).toBe('http://127.0.0.1:3000');
    expect(lstatSync(lockPath()).isSymbolicLink()).toBe(false);
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
  });
});

describe('a data folder this process may not write to', () => {
  // Root ignores file modes, so the errors are made as the file system reports them.
  for (const code of ['EACCES', 'EROFS']) {
    it(`${code}: says which folder, why, and which setting to change`, () => {
      const cause = Object.assign(new Error(`${code}: open '/srv/data/toolgate.lock'`), { code });
      const explained = explainUnwritable(cause, '/srv/data') as Error;
      expect(explained.message).toContain('cannot write to the data folder /srv/data');
      expect(explained.message).toContain(code);
      expect(explained.message).toContain('--data or TOOLGATE_DATA_DIR');
      expect(explained.cause).toBe(cause);
    });
  }

  it('a data folder path that is, or runs through, a file names it and the setting', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    for (const dir of [file, join(file, 'data')]) {
      await expect(acquireDataDirLock(dir, { command: 'toolgate start' })).rejects.toThrow(
        `the data folder ${dir} cannot be created`,
      );
    }
  });

  it('leaves every other error as it is', () => {
    const other = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
    expect(explainUnwritable(other, '/srv/data')).toBe(other);
  });
});
