import { Readable } from 'node:stream';
import type { CliIo } from './cli-io.js';

/** Captures what a command prints; `input` becomes its standard input. */
export function testIo(input = ''): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: Readable.from([input]),
    out: () => stdout,
    err: () => stderr,
  };
}
