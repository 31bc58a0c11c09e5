import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** The folders a layout block of a doc lists as `name/*` at the start of a line. */
function listedFolders(doc: string, heading: string): string[] {
  const text = readFileSync(join(root, doc), 'utf8');
  const section = text.slice(text.indexOf(heading));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  return [...block.matchAll(/^([a-z-]+(?:\/[a-z-]+)*)\/\*/gm)].map((match) => match[1] as string);
}

function foldersOf(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}

describe("the service's layout page matches the tree", () => {
  const src = join(root, 'packages/server/src');
  const listed = listedFolders('docs/architecture/service.md', '## Layers');

  it('lists every folder of packages/server/src', () => {
    expect(foldersOf(src).filter((name) => !listed.includes(name))).toEqual([]);
  });

  it('lists no folder that is not there', () => {
    const existing = new Set([
      ...foldersOf(src),
      ...foldersOf(join(src, 'http')).map((name) => `http/${name}`),
    ]);
    expect(listed.filter((name) => !existing.has(name))).toEqual([]);
  });
});
