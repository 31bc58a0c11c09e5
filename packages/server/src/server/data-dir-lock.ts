import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'toolgate.lock';

/**
 * A lock file that does not parse is re-read this many times, this far apart, before it counts as
 * stale: its owner may be between creating it and writing its first line.
 */
const UNREADABLE_LOCK_RETRIES = 10;
const UNREADABLE_LOCK_RETRY_MS = 50;
/** Attempts to create the lock when each attempt finds a stale one to clear first. */
const ACQUIRE_ATTEMPTS = 5;

/** Who holds a data folder: written to the lock file as one JSON object. */
export interface LockOwner {
  pid: number;
  /** The command, like `toolgate start` or `toolgate tenants create`. */
  command: string;
  /** When the owner took the lock (ISO 8601). */
  startedAt: string;
  hostname: string;
  /** `toolgate start` only, once it listens: where its API is. */
  url?: string;
  /** Linux: the kernel's boot id when the lock was taken. Another one now: the machine restarted. */
  bootId?: string;
}

/** The data folder is held by a live process. */
export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {
    super(
      `the data folder ${dataDir} is in use by another Toolgate process: ${describeOwner(owner)}. ` +
        'Two processes on one embedded database corrupt it.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** "pid 1234 (toolgate start since 2026-12-06T22:40:01.000Z, listening on http://127.0.0.1:3000)". */
export function describeOwner(owner: LockOwner): string {
  const listening = owner.url === undefined ? '' : `, listening on ${owner.url}`;
  const host = owner.hostname === hostname() ? '' : ` on host ${owner.hostname}`;
  return `pid ${owner.pid}${host} (${owner.command} since ${owner.startedAt}${listening})`;
}

/** A held lock: `release` removes the file if it is still ours. */
export interface DataDirLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Records where the server listens, for the error another process gets. */
  setUrl(url: string): void;
  /** Idempotent; synchronous so it also runs from a process `exit` handler. */
  release(): void;
}

export interface AcquireOptions {
  /** What the lock file says holds the folder, like `toolgate start`. */
  command: string;
  /** Told when a stale lock (its process is gone) is taken over. */
  warn?: (message: string) => void;
}

/** The codes of a folder this process may not write to: permissions, or a read-only mount. */
const UNWRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The error for a data folder that cannot be written (`EACCES` and the like) or created (a file
 * is in the way), saying what to do; any other error as it is.
 */
export function explainUnwritable(error: unknown, dataDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new Error(
      `the data folder ${dataDir} cannot be created: it, or a folder on its path, is a file (${code}). ` +
        'Choose a folder with --data or TOOLGATE_DATA_DIR.',
      { cause: error },
    );
  }
  if (code === undefined || !UNWRITABLE_CODES.has(code)) return error;
  const why = code === 'EROFS' ? 'it is on a read-only file system' : 'permission denied';
  const user = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : '';
  return new Error(
    `cannot write to the data folder ${dataDir}: ${why} (${code}). Toolgate keeps its database, ` +
      `keys and lock file there, so the user running it${user} needs write access: fix the ` +
      "folder's owner or mode, or choose another folder with --data or TOOLGATE_DATA_DIR.",
    { cause: error },
  );
}

let bootIdRead: { value: string | undefined } | undefined;

/** This boot's id (`/proc/sys/kernel/random/boot_id`, Linux), or `undefined` where there is none. */
export function currentBootId(): string | undefined {
  if (bootIdRead === undefined) {
    try {
      bootIdRead = { value: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined };
    } catch {
      bootIdRead = { value: undefined };
    }
  }
  return bootIdRead.value;
}

/** A lock of this host taken before the machine last started: whatever runs under its pid now is another process. */
function fromEarlierBoot(owner: LockOwner): boolean {
  const now = currentBootId();
  return owner.bootId !== undefined && now !== undefined && owner.bootId !== now;
}

/** Lock files this process holds: its own pid in any other is a leftover. */
const heldHere = new Set<string>();

/** What `parseOwner` says of a lock that names no host. */
const UNKNOWN_HOST = 'an unknown host';

/**
 * Whether the lock's owner runs (one of another user counts: `EPERM`). A pid of another host says
 * nothing about this one (two containers on one volume are both pid 1), so its lock counts as held.
 */
function isAlive(owner: LockOwner, path: string): boolean {
  const { pid } = owner;
  if (owner.hostname !== UNKNOWN_HOST && owner.hostname !== hostname()) return true;
  // After a crash and a restart, the pid may well belong to some service started at boot.
  if (fromEarlierBoot(owner)) return false;
  // Our own pid in a lock we do not hold is left from an earlier life of this pid (a container's pid 1).
  if (pid === process.pid) return heldHere.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    return {
      pid: value.pid as number,
      command: typeof value.command === 'string' ? value.command : 'unknown command',
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : 'an unknown time',
      hostname: typeof value.hostname === 'string' ? value.hostname : UNKNOWN_HOST,
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
      ...(typeof value.bootId === 'string' ? { bootId: value.bootId } : {}),
    };
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock file's text and owner, waiting briefly for an owner that is still writing it. */
async function readLock(path: string): Promise<{ text: string; owner: LockOwner | undefined } | undefined> {
  let text = readText(path);
  for (let retry = 0; text !== undefined && retry < UNREADABLE_LOCK_RETRIES; retry++) {
    const owner = parseOwner(text);
    if (owner) return { text, owner };
    await pause(UNREADABLE_LOCK_RETRY_MS);
    text = readText(path);
  }
  return text === undefined ? undefined : { text, owner: parseOwner(text) };
}

/**
 * Clears a stale lock unless another process replaced it since we read it: the file is moved
 * aside (only one mover wins) and moved back when it turns out to be someone else's fresh lock.
 */
function clearStale(path: string, staleText: string): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readText(aside) === staleText) unlinkSync(aside);
  else renameSync(aside, path);
}

/**
 * Takes the data folder for this process: creates `<dataDir>/toolgate.lock` with `wx` (fails
 * when it exists), holding pid, command, start time and host. A lock whose process is gone is
 * taken over with a warning; a live one, or one of another host, throws `DataDirLockedError`
 * naming it. Released by
 * `release()` and, as a fallback, when the process exits.
 *
 * @example
 * const lock = await acquireDataDirLock('./data', { command: 'toolgate start' });
 * try { ... } finally { lock.release(); }
 */
export async function acquireDataDirLock(dataDir: string, options: AcquireOptions): Promise<DataDirLock> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw explainUnwritable(error, dataDir);
  }
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    command: options.command,
    startedAt: new Date().toISOString(),
    hostname: hostname(),
    ...(currentBootId() === undefined ? {} : { bootId: currentBootId() }),
  };
  for (let attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++) {
    let descriptor: number;
    try {
      descriptor = openSync(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw explainUnwritable(error, dataDir);
      const found = await readLock(path);
      if (found === undefined) continue; // released meanwhile
      if (found.owner && isAlive(found.owner, path)) throw new DataDirLockedError(dataDir, path, found.owner);
      options.warn?.(
        found.owner
          ? `took over the data folder's lock from ${describeOwner(found.owner)}: that process is gone (${fromEarlierBoot(found.owner) ? 'the machine restarted since' : 'it did not stop cleanly'})`
          : `took over the data folder's lock ${path}: it could not be read`,
      );
      clearStale(path, found.text);
      continue;
    }
    try {
      writeSync(descriptor, `${JSON.stringify(owner)}\n`);
    } finally {
      closeSync(descriptor);
    }
    heldHere.add(path);
    return holdLock(path, owner);
  }
  throw new Error(`could not take the lock ${path}: other processes kept replacing it`);
}

function holdLock(path: string, owner: LockOwner): DataDirLock {
  let current = owner;
  let released = false;
  // Pid, host and start time: the same pid on another host (pid 1 of another container) is not us.
  const isOurs = () => {
    const found = parseOwner(readText(path) ?? '');
    return (
      found?.pid === process.pid && found.hostname === owner.hostname && found.startedAt === owner.startedAt
    );
  };
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(path);
    process.removeListener('exit', release);
    try {
      if (isOurs()) unlinkSync(path);
    } catch {
      // Gone already, or the folder was removed: nothing left to release.
    }
  };
  process.once('exit', release);
  return {
    path,
    get owner() {
      return current;
    },
    setUrl(url) {
      if (released) return;
      current = { ...current, url };
      // Replaced whole (write aside, rename over): a reader never sees half a file.
      const next = `${path}.${process.pid}.tmp`;
      // A leftover (or a planted symlink) is removed, and `wx` never follows one made meanwhile.
      rmSync(next, { force: true });
      writeFileSync(next, `${JSON.stringify(current)}\n`, { mode: 0o644, flag: 'wx' });
      renameSync(next, path);
    },
    release,
  };
}
