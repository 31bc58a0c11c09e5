import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, so `npm test` needs no build first.
    alias: {
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
    // PGlite's WebAssembly on V8's baseline compiler only, as `toolgate start` runs it (bin/toolgate.js).
    execArgv: ['--liftoff-only'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
