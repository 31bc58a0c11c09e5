import { createInterface } from 'node:readline';
import { checkTarget, type Resolver, systemResolver, type TargetCheck } from '@toolgate/core';
import { type CliIo, EXIT, UsageError } from './cli-io.js';
import { parseResolveFlags, resolverWithOverrides } from './resolve-overrides.js';

/** Lines checked at once in `--jsonl` mode; output keeps input order. */
const JSONL_CONCURRENCY = 32;

/** Longest accepted input line: a URL is at most 2 KB, so this leaves room for many addresses. */
const MAX_JSONL_LINE_LENGTH = 64 * 1024;

export interface UrlCheckFlags {
  resolve: string[];
  json: boolean;
  jsonl: boolean;
}

function render(url: string, check: TargetCheck, json: boolean): string {
  if (json) return JSON.stringify({ url, allowed: check.allowed, code: check.code, reason: check.reason });
  return `${check.allowed ? 'allowed' : 'denied'} (${check.code}): ${check.reason}`;
}

/** `toolgate url-check <url>`: exit 0 allowed, 3 denied, 2 usage error. */
export async function runUrlCheck(
  url: string | undefined,
  flags: UrlCheckFlags,
  io: CliIo,
  fallback: Resolver = systemResolver,
): Promise<number> {
  const overrides = parseResolveFlags(flags.resolve);
  if (flags.jsonl) {
    if (url !== undefined)
      throw new UsageError('--jsonl reads URLs from standard input; do not also pass a URL');
    return runJsonl(io, fallback, overrides);
  }
  if (url === undefined)
    throw new UsageError('url-check needs a URL (or --jsonl to read JSON lines from standard input)');
  const check = await checkTarget(url, { resolve: resolverWithOverrides(overrides, fallback) });
  io.stdout(`${render(url, check, flags.json)}\n`);
  return check.allowed ? EXIT.ok : EXIT.denied;
}

type LineOutcome = { text: string; denied: boolean; malformed: boolean };

async function checkLine(
  line: string,
  lineNumber: number,
  fallback: Resolver,
  overrides: ReadonlyMap<string, readonly string[]>,
): Promise<LineOutcome> {
  const malformed = (error: string): LineOutcome => ({
    text: JSON.stringify({ line: lineNumber, allowed: false, code: 'invalid_input', reason: error }),
    denied: false,
    malformed: true,
  });
  if (line.length > MAX_JSONL_LINE_LENGTH)
    return malformed(`line is longer than ${MAX_JSONL_LINE_LENGTH} characters`);
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return malformed('line is not valid JSON');
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return malformed('each line must be a JSON object {"url": ...}');
  const { url, resolvesTo } = input as { url?: unknown; resolvesTo?: unknown };
  if (typeof url !== 'string') return malformed('"url" must be a string');
  let resolve = resolverWithOverrides(overrides, fallback);
  if (resolvesTo !== undefined) {
    if (!Array.isArray(resolvesTo) || !resolvesTo.every((address) => typeof address === 'string')) {
      return malformed('"resolvesTo" must be an array of IP address strings');
    }
    const answers = resolvesTo as string[];
    resolve = async () => answers;
  }
  const check = await checkTarget(url, { resolve });
  return {
    text: JSON.stringify({ url, allowed: check.allowed, code: check.code, reason: check.reason }),
    denied: !check.allowed,
    malformed: false,
  };
}

/**
 * `--jsonl`: one `{"url", "resolvesTo"?}` object per line in, one verdict per line out, in order.
 * `resolvesTo` replaces DNS for that line (`[]`: does not resolve). Malformed lines get an
 * `invalid_input` verdict naming the line and do not stop the run. Exit 0 if every URL is
 * allowed, 3 if any is denied, 2 if any line is malformed.
 */
async function runJsonl(
  io: CliIo,
  fallback: Resolver,
  overrides: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const pending: Array<Promise<LineOutcome>> = [];
  let denied = false;
  let malformed = false;
  const flush = async (keep: number) => {
    while (pending.length > keep) {
      const outcome = await (pending.shift() as Promise<LineOutcome>);
      denied ||= outcome.denied;
      malformed ||= outcome.malformed;
      io.stdout(`${outcome.text}\n`);
    }
  };
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    pending.push(checkLine(line, lineNumber, fallback, overrides));
    await flush(JSONL_CONCURRENCY);
  }
  await flush(0);
  if (malformed) return EXIT.usage;
  return denied ? EXIT.denied : EXIT.ok;
}
