import { readFile } from 'node:fs/promises';
import {
  type ActionResult,
  createExecutor,
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

/**
 * `toolgate call <action.json> --params '<json>'`: makes one call and prints the request as sent
 * (secrets redacted) and the normalized result. Exit 0 when the call succeeded, 1 when it failed,
 * 2 for bad input.
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
  try {
    const result = await executor.execute({
      action: definition.value,
      parameters,
      context: { trigger: 'manual' },
      ...(flags.secret.length > 0 ? { signingSecrets: flags.secret } : {}),
    });
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
