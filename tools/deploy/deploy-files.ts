import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function readRepoFile(path: string): string {
  return readFileSync(`${REPO_ROOT}${path}`, 'utf8');
}

/** One Dockerfile instruction: its keyword (upper case), its flags (`--from=build`) and the rest. */
export interface DockerInstruction {
  keyword: string;
  flags: string[];
  args: string;
  line: number;
}

/** A stage: the instructions from one FROM up to the next. */
export interface DockerStage {
  from: string;
  name: string | undefined;
  instructions: DockerInstruction[];
}

/**
 * Splits a Dockerfile into stages of instructions: joins `\` continuations, drops comments and
 * blank lines, and separates leading `--flag` words. Throws, naming the line, on text before FROM.
 */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const start = index + 1;
    let logical = lines[index] ?? '';
    if (/^\s*(#|$)/.test(logical)) continue;
    while (/\\\s*$/.test(logical) && index + 1 < lines.length) {
      index += 1;
      const next = lines[index] ?? '';
      logical = `${logical.replace(/\\\s*$/, ' ')}${/^\s*#/.test(next) ? '' : next}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(logical);
    if (!match) throw new Error(`Dockerfile line ${start}: not an instruction: "${logical.trim()}"`);
    const keyword = (match[1] ?? '').toUpperCase();
    let rest = (match[2] ?? '').trim();
    const flags: string[] = [];
    for (let flag = /^(--\S+)\s+/.exec(rest); flag; flag = /^(--\S+)\s+/.exec(rest)) {
      flags.push(flag[1] ?? '');
      rest = rest.slice(flag[0].length);
    }
    const instruction = { keyword, flags, args: rest.replace(/\s+/g, ' '), line: start };
    if (keyword === 'FROM') {
      const [from = '', as, name] = rest.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile line ${start}: ${keyword} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/** `KEY=value` pairs of ENV instructions (the `ENV KEY value` form too). */
export function envOf(stage: DockerStage): Map<string, string> {
  const env = new Map<string, string>();
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    if (!args.includes('=')) {
      const [key = '', ...value] = args.split(' ');
      env.set(key, value.join(' '));
      continue;
    }
    for (const pair of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g))
      env.set(pair[1] ?? '', (pair[2] ?? '').replace(/^"|"$/g, ''));
  }
  return env;
}

/** The source paths of a COPY or ADD (every word but the last; the JSON form too). */
export function copySources(instruction: DockerInstruction): string[] {
  const words = instruction.args.startsWith('[')
    ? (JSON.parse(instruction.args) as string[])
    : instruction.args.split(' ');
  return words.slice(0, -1);
}

/** The environment variable names the server reads: every `env.NAME` in its config parsers. */
export function configVariableNames(): Set<string> {
  const names = new Set<string>();
  for (const file of ['parse-config.ts', 'parse-log-settings.ts', 'parse-secret-key.ts']) {
    const source = readRepoFile(`packages/server/src/config/${file}`);
    for (const match of source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1] ?? '');
  }
  return names;
}
