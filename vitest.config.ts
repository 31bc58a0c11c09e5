import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, so `npm test` needs no build first.
    alias: {
      // Before '@toolgate/core': an alias also matches the subpaths of its name, first one wins.
      '@toolgate/core/llm': source('./packages/core/src/llm.ts'),
      '@toolgate/core/openapi': source('./packages/core/src/openapi/index.ts'),
      '@toolgate/core/test': source('./packages/core/src/test/index.ts'),
      '@toolgate/core': source('./packages/core/src/index.ts'),
      '@toolgate/receiver': source('./packages/receiver/src/index.ts'),
      '@toolgate/server': source('./packages/server/src/index.ts'),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/**/*.test.ts',
      'bench/**/*.test.ts',
      'e2e/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    // New embedded databases start from a migrated snapshot; this makes sure it is current.
    globalSetup: ['./tools/ensure-initial-database.ts'],
    // Before each file: cheaper password hashing for the many sign-ins (see the file).
    setupFiles: ['./tools/test-setup.ts'],
    // PGlite's WebAssembly on V8's baseline compiler only, as `toolgate start` runs it (bin/toolgate.js).
    // V8 flags need child processes: the `forks` pool (vitest's default, named here on purpose).
    pool: 'forks',
    execArgv: ['--liftoff-only'],
    // Speed on the 2-core machine (CONTRIBUTING.md, "How fast npm test is"):
    // - Two workers. Vitest's default is cores - 1, i.e. ONE on 2 cores, which left the second
    //   core idle while a file waited on a server, a socket or chromium. `--maxWorkers=N` overrides.
    maxWorkers: 2,
    // - Files share their worker's module cache instead of a fresh process per file: the per-file
    //   start (a process, the TypeScript transforms, PGlite's WebAssembly) cost more than most
    //   files' tests. Test files therefore keep no state between files: they restore what they
    //   change (process.env, timers) and close what they open in afterAll. `--isolate` brings
    //   the old behaviour back to chase a suspected leak between files.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
