#!/usr/bin/env node
// One bundled file (scripts/bundle-cli.js) loads much faster than dist/'s many modules.
import { runCli } from '../dist/bundle/toolgate.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
});
process.exitCode = exitCode;
