#!/usr/bin/env node
import { runCli } from '../dist/index.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
});
process.exitCode = exitCode;
