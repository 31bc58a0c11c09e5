/**
 * Reads the fenced code blocks of a Markdown file and the `readme-test` directives before them:
 *
 *     <!-- readme-test
 *     skip: why this block is not run
 *     input: a line for the block's standard input (repeatable)
 *     expect: text its standard output must contain (repeatable)
 *     exit: 3
 *     same-as: examples/action.json
 *     -->
 *
 * `same-as` says the block shows that file's contents (JSON compared by value).
 */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  skip?: string;
  input: string[];
  expect: string[];
  exit: number;
  sameAs?: string;
}

const SHELL_LANGS = new Set(['sh', 'bash', 'shell']);

export const isShellBlock = (block: ReadmeBlock): boolean => SHELL_LANGS.has(block.lang);

function parseDirectives(text: string, line: number): Omit<ReadmeBlock, 'line' | 'lang' | 'code'> {
  const directives: Omit<ReadmeBlock, 'line' | 'lang' | 'code'> = { input: [], expect: [], exit: 0 };
  for (const raw of text.split('\n')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = /^(skip|input|expect|exit|same-as):\s*(.*)$/.exec(entry);
    if (!match) throw new Error(`README line ${line}: unknown readme-test directive "${entry}"`);
    const [, name, value = ''] = match;
    if (name === 'skip') directives.skip = value;
    else if (name === 'input') directives.input.push(value);
    else if (name === 'expect') directives.expect.push(value);
    else if (name === 'same-as') directives.sameAs = value;
    else directives.exit = Number(value);
  }
  return directives;
}

/** Every fenced block, in order, with the directives of the `readme-test` comment just before it. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let pending: { text: string; line: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (text.startsWith('<!-- readme-test')) {
      const start = index;
      const body: string[] = [text.replace('<!-- readme-test', '').replace('-->', '')];
      while (!lines[index]?.includes('-->')) {
        index++;
        if (index >= lines.length)
          throw new Error(`README line ${start + 1}: readme-test comment never ends`);
        body.push((lines[index] ?? '').replace('-->', ''));
      }
      pending = { text: body.join('\n'), line: start + 1 };
      continue;
    }
    const fence = /^```(\w*)\s*$/.exec(text);
    if (fence) {
      const open = index;
      const code: string[] = [];
      index++;
      while (index < lines.length && lines[index] !== '```') code.push(lines[index++] ?? '');
      blocks.push({
        line: open + 1,
        lang: fence[1] ?? '',
        code: `${code.join('\n')}\n`,
        ...parseDirectives(pending?.text ?? '', pending?.line ?? open + 1),
      });
      pending = undefined;
      continue;
    }
    if (pending && text.trim() !== '')
      throw new Error(`README line ${pending.line}: a readme-test comment must come right before a block`);
  }
  return blocks;
}

/** The names the shell blocks assign at the start of a line (`NAME=...`, `export NAME=...`). */
export function assignedNames(blocks: readonly ReadmeBlock[]): string[] {
  const names = new Set<string>();
  for (const block of blocks.filter(isShellBlock)) {
    for (const match of block.code.matchAll(/^\s*(?:export\s+)?([A-Za-z_]\w*)=/gm)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names];
}
