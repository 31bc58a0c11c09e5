import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';

let bundled: Promise<URL> | undefined;

/**
 * The sandbox worker's script. Built, it is `code-worker.js` beside this file; bundled into
 * another file (the server's CLI bundle, `dist/bundle/toolgate.js`), it is core's own built
 * `dist/code/code-worker.js`, found through the package. From the
 * TypeScript sources (the tests run those), Node cannot load `code-worker.ts` in a worker, so it
 * is bundled once per process with esbuild (a development dependency) into `node_modules/.cache`
 * (where its packages resolve), named by its content, so test processes share it.
 */
export function codeWorkerScript(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) {
    const beside = new URL('./code-worker.js', import.meta.url);
    if (existsSync(beside)) return Promise.resolve(beside);
    return Promise.resolve(new URL('./code/code-worker.js', import.meta.resolve('@toolgate/core')));
  }
  bundled ??= (async () => {
    const esbuild = await import('esbuild');
    const built = await esbuild.build({
      entryPoints: [new URL('./code-worker.ts', import.meta.url).pathname],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
    });
    const text = built.outputFiles[0]?.text ?? '';
    const folder = new URL('../../node_modules/.cache/toolgate/', import.meta.url);
    await mkdir(folder, { recursive: true });
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const script = new URL(`code-worker-${hash}.mjs`, folder);
    const temporary = new URL(`code-worker-${hash}.${process.pid}.tmp`, folder);
    await writeFile(temporary, text);
    await rename(temporary, script);
    return script;
  })();
  return bundled;
}
