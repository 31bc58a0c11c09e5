import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Calls that open outbound connections. `fetch(` and `globalThis.fetch(` are outbound; a method
 * named fetch on another object (`app.fetch(request)`, hono's inbound handler) is not.
 */
const OUTBOUND =
  /(?<!\.)\bfetch\(|\b(globalThis|window|self)\.fetch\(|\bhttps?\.(request|get)\(|\bnet\.connect\(|\btls\.connect\(|\bfrom ['"]undici['"]|\brequire\(['"]undici['"]\)|\bnew (Agent|Pool|Client)\(/;

/** Constructing an undici pool: only the one factory may, so every caller gets the pinned connector. */
const POOL = /\bnew (Agent|Pool|Client|Dispatcher)\(/;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes(`${join('src', 'test')}`));
}

describe('the outbound boundary', () => {
  it('only packages/core/src/http/ makes outbound requests', async () => {
    const packages = await readdir(join(root, 'packages'));
    const offenders: string[] = [];
    for (const name of packages) {
      const files = await sourceFiles(join(root, 'packages', name, 'src')).catch(() => []);
      for (const file of files) {
        const path = relative(root, file);
        if (path.startsWith(join('packages', 'core', 'src', 'http'))) continue;
        // The admin UI talks to Toolgate's own API from the browser; it is not server-side egress.
        if (path.startsWith(join('packages', 'admin-ui'))) continue;
        // The CLI's client of a Toolgate server the operator names (`toolgate chat`).
        if (path === join('packages', 'server', 'src', 'cli', 'api-client.ts')) continue;
        const text = await readFile(file, 'utf8');
        text.split('\n').forEach((line, index) => {
          if (OUTBOUND.test(line)) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only transport/pinned-agent.ts builds a connection pool; the LLM transport uses it', async () => {
    const http = join(root, 'packages', 'core', 'src', 'http');
    const builders: string[] = [];
    for (const file of await sourceFiles(http)) {
      if (POOL.test(await readFile(file, 'utf8'))) builders.push(relative(http, file));
    }
    expect(builders).toEqual([join('transport', 'pinned-agent.ts')]);
    const modelFetch = await readFile(join(http, 'transport', 'model-fetch.ts'), 'utf8');
    expect(modelFetch).not.toMatch(POOL);
    expect(modelFetch).toMatch(/\bcreatePinnedAgent\(/);
  });

  it('the check itself catches a stray fetch', () => {
    expect(OUTBOUND.test("const response = await fetch('https://x');")).toBe(true);
    expect(OUTBOUND.test("import { request } from 'undici';")).toBe(true);
    expect(OUTBOUND.test('const text = prefetch;')).toBe(false);
    expect(POOL.test('const agent = new Agent({ connect });')).toBe(true);
    expect(POOL.test('const agent = createPinnedAgent({ resolve });')).toBe(false);
  });
});
