#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
// One bundled file (scripts/bundle-cli.js) loads much faster than dist/'s many modules.
import { runAsProcess } from '../dist/bundle/toolgate.js';

// The embedded database's WebAssembly runs on V8's baseline compiler only: optimising it in the
// background stalled every start by 0.3-1 s and made its queries no faster (docs/benchmarks.md).
setFlagsFromString('--liftoff-only');

await runAsProcess();
