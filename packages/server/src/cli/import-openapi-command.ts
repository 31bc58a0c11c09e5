import { readFile } from 'node:fs/promises';
import type { AuthRequirement, ImportDiff, ImportedOperation, SchemeSecret } from '@toolgate/core/openapi';
import { createApiClient } from './api-client.js';
import { type CliIo, EXIT, UsageError } from './cli-io.js';

export interface ImportOpenApiFlags {
  create?: string;
  all: boolean;
  /** `scheme=value`: a token, an API key, or `user:password` for basic auth. */
  secret: string[];
  /** An https base URL every action is built on instead of the document's servers. */
  baseUrl?: string;
  url?: string;
  key?: string;
}

interface ImportAnswer {
  format: string;
  title: string;
  version: string;
  servers: Array<{ url: string; usable: boolean; reason?: string }>;
  baseUrl?: string;
  operations: ImportedOperation[];
  diff: ImportDiff;
  created: Array<{ action: { id: string; definition: { name: string } }; signingSecret: string }>;
  skipped: Array<{ name: string; reason: string }>;
}

function describeAuth(auth: AuthRequirement | undefined): string {
  if (!auth) return '';
  const where = auth.type === 'api_key' ? ` in ${auth.in} ${auth.name}` : '';
  return ` [auth: ${auth.type}${where}, scheme ${auth.scheme}]`;
}

/** The operation list: `+` convertible, `-` not, with reasons and warnings indented. */
export function renderOperations(answer: ImportAnswer): string {
  const convertible = answer.operations.filter((operation) => operation.convertible).length;
  const lines = [
    `${answer.title || '(untitled)'} ${answer.version} (${answer.format}): ${answer.operations.length} operations, ${convertible} can become actions`,
  ];
  if (answer.baseUrl) lines.push(`base URL (chosen): ${answer.baseUrl}`);
  else {
    for (const server of answer.servers ?? []) {
      lines.push(`server ${server.url}${server.usable ? '' : ` (not usable: ${server.reason})`}`);
    }
  }
  for (const operation of answer.operations) {
    const sign = operation.convertible ? '+' : '-';
    lines.push(
      `${sign} ${operation.method} ${operation.path} -> ${operation.name}${describeAuth(operation.auth)}`,
    );
    for (const reason of operation.reasons) lines.push(`    cannot: ${reason}`);
    for (const warning of operation.warnings) lines.push(`    warning: ${warning}`);
  }
  const { added, changed, removed, unchanged } = answer.diff;
  lines.push(
    `diff with stored actions: ${added.length} new, ${changed.length} changed, ${unchanged.length} unchanged, ${removed.length} no longer in the document`,
  );
  for (const change of changed) {
    lines.push(`  ~ ${change.name}: ${change.changes.map((field) => field.path).join(', ')}`);
  }
  for (const name of removed) lines.push(`  x ${name}`);
  return `${lines.join('\n')}\n`;
}

/** `--secret scheme=value` read by the scheme's type: basic takes `user:password`. */
function secretsFor(
  operations: readonly ImportedOperation[],
  flags: readonly string[],
): Record<string, SchemeSecret> {
  const schemes = new Map<string, AuthRequirement>();
  for (const operation of operations) if (operation.auth) schemes.set(operation.auth.scheme, operation.auth);
  const secrets: Record<string, SchemeSecret> = {};
  for (const flag of flags) {
    const at = flag.indexOf('=');
    if (at <= 0) throw new UsageError(`--secret takes scheme=value, not "${flag}"`);
    const scheme = flag.slice(0, at);
    const value = flag.slice(at + 1);
    const requirement = schemes.get(scheme);
    if (!requirement) {
      throw new UsageError(
        `--secret names "${scheme}", which no operation uses (schemes: ${[...schemes.keys()].join(', ') || 'none'})`,
      );
    }
    if (requirement.type === 'bearer') secrets[scheme] = { token: value };
    else if (requirement.type === 'api_key') secrets[scheme] = { value };
    else {
      const colon = value.indexOf(':');
      if (colon <= 0) throw new UsageError(`--secret ${scheme}=user:password (basic auth)`);
      secrets[scheme] = { username: value.slice(0, colon), password: value.slice(colon + 1) };
    }
  }
  return secrets;
}

/**
 * `toolgate import openapi FILE|URL [--create op1,op2 | --all] [--secret scheme=value] [--base-url URL]`: sends the
 * document (a file's text, or an https URL the server fetches through its outbound policy) to a
 * running server, prints every operation with whether it can become an action and why not, and
 * the diff with stored actions; with `--create` or `--all`, creates them with the secrets given.
 */
export async function runImportOpenApi(
  source: string,
  flags: ImportOpenApiFlags,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (flags.create !== undefined && flags.all) throw new UsageError('use --create or --all, not both');
  const key = flags.key ?? env.TOOLGATE_API_KEY;
  if (!key)
    throw new UsageError('an API key is needed: --key tg_... or TOOLGATE_API_KEY (scope webhooks:manage)');
  const client = createApiClient(flags.url ?? env.TOOLGATE_URL ?? 'http://127.0.0.1:3000', key);
  let input: { document: string; baseUrl?: string } | { url: string; baseUrl?: string };
  const chosen = flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl };
  if (/^https?:\/\//i.test(source)) input = { url: source, ...chosen };
  else {
    try {
      input = { document: await readFile(source, 'utf8'), ...chosen };
    } catch (error) {
      throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
    }
  }
  const route = '/actions/import/openapi';
  const listed = await client.json<ImportAnswer>('POST', route, { ...input, dryRun: true });
  io.stdout(renderOperations(listed));
  const operations = flags.create
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!flags.all && (operations === undefined || operations.length === 0)) return EXIT.ok;
  const secrets = secretsFor(listed.operations, flags.secret);
  const created = await client.json<ImportAnswer>('POST', route, {
    ...input,
    ...(flags.all ? { all: true } : { operations }),
    secrets,
  });
  for (const entry of created.created) {
    io.stdout(
      `created ${entry.action.definition.name} (${entry.action.id}); signing secret, shown once: ${entry.signingSecret}\n`,
    );
  }
  for (const entry of created.skipped) io.stdout(`skipped ${entry.name}: ${entry.reason}\n`);
  return EXIT.ok;
}
