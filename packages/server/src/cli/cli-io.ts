import type { Readable } from 'node:stream';

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: Readable;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The call was made and failed (call), or something went wrong at run time. */
  failed: 1,
  /** Bad flags, unreadable files, invalid JSON or an invalid action definition. */
  usage: 2,
  /** url-check: the destination is denied. */
  denied: 3,
} as const;

/** A usage problem: printed to stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
