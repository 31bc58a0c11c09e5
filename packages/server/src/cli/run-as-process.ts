import { runCli } from './main.js';

/**
 * What `bin/toolgate.js` does: runs the command on this process's arguments and streams, then
 * ends the process with its exit code, even if a failed start left a handle open (a
 * half-initialised database, a socket), so a failure never leaves a process that hangs. Output
 * written so far is flushed first.
 */
export async function runAsProcess(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const exitCode = await runCli(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
  });
  process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
}
