import { readFile } from 'node:fs/promises';
import {
  type ActionResult,
  createExecutor,
  type Executor,
  type Resolver,
  safeValidateActionDefinition,
  systemResolver,
} from '@toolgate/core';
import { type CliIo, EXIT, UsageError } from './cli-io.js';
import { parseResolveFlags, resolverWithOverrides } from './resolve-overrides.js';

export interface CallFlags {
  params: string;
  allowNetwork: string[];
  resolve: string[];
  secret: string[];
  ca?: string;
  json: boolean;
  /** Build and sign the request and print it without sending it: no DNS, no connection. */
  dryRun?: boolean;
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseParams(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--params is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError('--params must be a JSON object');
  return value as Record<string, unknown>;
}

function describeResult(result: ActionResult): string {
  const lines = [
    `call ${result.callId}: ${result.ok ? 'ok' : `failed (${result.failure.kind})`} in ${result.durationMs} ms`,
  ];
  if (result.status !== null)
    lines.push(`status: ${result.status}${result.truncated ? ' (body truncated)' : ''}`);
  if (result.ok) {
    if (result.message !== undefined) lines.push(`message: ${result.message}`);
    else lines.push(`data: ${JSON.stringify(result.data, null, 2)}`);
  } else {
    lines.push(`error: ${result.failure.message}`);
  }
  return lines.join('\n');
}

/** `--dry-run`: the request as it would be sent (secrets redacted), or why it cannot be built. */
function printDryRun(prepared: ReturnType<Executor['prepare']>, json: boolean, io: CliIo): number {
  if (json) {
    io.stdout(
      `${JSON.stringify(
        prepared.ok
          ? { dryRun: true, callId: prepared.call.callId, request: prepared.call.request }
          : { dryRun: true, callId: prepared.callId, request: prepared.request, failure: prepared.failure },
        null,
        2,
      )}\n`,
    );
  } else if (prepared.ok) {
    io.stdout(
      `request as it would be sent (dry run, not sent):\n${JSON.stringify(prepared.call.request, null, 2)}\n`,
    );
  } else {
    io.stdout(
      `dry run ${prepared.callId}: cannot be sent (${prepared.failure.kind}): ${prepared.failure.message}\n`,
    );
  }
  return prepared.ok ? EXIT.ok : EXIT.failed;
}

/**
 * `toolgate call <action.json> --params '<json>'`: makes one call and prints the request as sent
 * (secrets redacted) and the normalized result. Exit 0 when the call succeeded, 1 when it failed,
 * 2 for bad input. With `--dry-run` it only builds and signs the request and prints it.
 */
export async function runCall(
  actionPath: string,
  flags: CallFlags,
  io: CliIo,
  fallback: Resolver = systemResolver,
): Promise<number> {
  const definition = safeValidateActionDefinition(await readJsonFile(actionPath, 'action file'));
  if (!definition.success) {
    const problems = definition.error.details
      .map((issue) => `  ${issue.path || '/'}: ${issue.message}`)
      .join('\n');
    throw new UsageError(`action file ${actionPath} is not a valid action:\n${problems}`);
  }
  const parameters = parseParams(flags.params);
  const ca =
    flags.ca === undefined
      ? undefined
      : await readFile(flags.ca, 'utf8').catch((error: Error) => {
          throw new UsageError(`cannot read --ca ${flags.ca}: ${error.message}`);
        });
  if (flags.allowNetwork.length > 0) {
    io.stderr(
      `warning: outbound policy exemptions in effect (development only): ${flags.allowNetwork.join(', ')}\n`,
    );
  }
  let executor: ReturnType<typeof createExecutor>;
  try {
    executor = createExecutor({
      allow: { networks: flags.allowNetwork },
      resolve: resolverWithOverrides(parseResolveFlags(flags.resolve), fallback),
      ...(ca === undefined ? {} : { ca }),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const call = {
    action: definition.value,
    parameters,
    context: { trigger: 'manual' as const },
    ...(flags.secret.length > 0 ? { signingSecrets: flags.secret } : {}),
  };
  try {
    if (flags.dryRun) return printDryRun(executor.prepare(call), flags.json, io);
    const result = await executor.execute(call);
    if (flags.json) {
      io.stdout(`${JSON.stringify({ request: result.request, result }, null, 2)}\n`);
    } else {
      if (result.request) {
        io.stdout(`request as sent:\n${JSON.stringify(result.request, null, 2)}\n\n`);
      }
      io.stdout(`${describeResult(result)}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await executor.close();
  }
}
