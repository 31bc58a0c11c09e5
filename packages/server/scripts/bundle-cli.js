// Build step: bundles the CLI (dist/index.js and everything it imports, but PGlite, whose
// WebAssembly and data files are found beside its own modules) into one file. Node loads one
// 6 MB module about 2.5x faster than the ~1,000 small ones it replaces (docs/benchmarks.md), which
// is most of what `toolgate start` spends before it opens the database.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
  // dist/bundle/ is as deep as dist/<folder>/, so the paths modules compute from import.meta.url
  // (the admin UI, the initial database) are the same from the bundle.
  outfile: new URL('../dist/bundle/toolgate.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@electric-sql/pglite', 'pg-native'],
  // CommonJS dependencies call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __toolgateRequire } from 'node:module'; const require = __toolgateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
