import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { runCall } from './call-command.js';
import { runChat } from './chat-command.js';
import { type CliIo, EXIT, UsageError } from './cli-io.js';
import { runImportOpenApi } from './import-openapi-command.js';
import { runCreateAdminKey, runResetPassword } from './recovery-commands.js';
import { runSecretsRotate, runStart, runTenantCreate } from './server-commands.js';
import { runUrlCheck } from './url-check-command.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The version of @toolgate/server, from its package.json: two folders up from this module in the
 * sources (src/cli/), the build (dist/cli/) and the bundle (dist/bundle/) alike.
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('toolgate')
    .description('Toolgate: let AI agents call your own HTTP APIs, safely.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('url-check')
    .description('check whether Toolgate may call a URL (exit 0 allowed, 3 denied, 2 usage error)')
    .argument('[url]', 'the URL to check')
    .option(
      '--resolve <HOST=IP[,IP...]>',
      'answer DNS for HOST with these addresses (repeatable)',
      collect,
      [],
    )
    .option('--json', 'print the verdict as JSON', false)
    .option('--jsonl', 'read {"url", "resolvesTo"?} JSON lines on stdin, write one verdict per line', false)
    .action(async (url: string | undefined, flags) => setExit(await runUrlCheck(url, flags, io)));

  program
    .command('call')
    .description('make one call to an action and print the request as sent and the result')
    .argument('<action-file>', 'an action definition in JSON')
    .option('--params <json>', 'the arguments, as a JSON object', '{}')
    .option(
      '--allow-network <CIDR>',
      'exempt a network from the outbound policy (development only; repeatable)',
      collect,
      [],
    )
    .option(
      '--resolve <HOST=IP[,IP...]>',
      'answer DNS for HOST with these addresses (repeatable)',
      collect,
      [],
    )
    .option('--secret <whsec_...>', 'sign with this secret (repeat for rotation: current first)', collect, [])
    .option('--ca <pem-file>', 'also trust this CA certificate (private PKI, local test servers)')
    .option('--json', 'print request and result as JSON', false)
    .option('--dry-run', 'build and sign the request and print it, without sending it', false)
    .action(async (actionFile: string, flags) => setExit(await runCall(actionFile, flags, io)));

  program
    .command('chat')
    .description(
      'chat with an agent of a running server; each line is a message, action events show as they happen',
    )
    .requiredOption('--agent <id|name>', 'the agent to talk to')
    .option('--url <url>', 'the server (TOOLGATE_URL; default http://127.0.0.1:3000)')
    .option('--key <tg_...>', 'an API key with the chat scope (TOOLGATE_API_KEY)')
    .option('--contact <id>', 'the contact id to record with the conversation')
    .option('--debug', "also show the model's reasons and the endpoint's failure messages", false)
    .option(
      '--retries <n>',
      'how many times to send a message again while the server cannot be reached (default 5)',
    )
    .action(async (flags) => setExit(await runChat(flags, io)));

  program
    .command('import')
    .description('import actions from an API description')
    .command('openapi')
    .description(
      'list the operations of an OpenAPI 3.0/3.1 or Swagger 2.0 document (a file, or an https URL the server fetches) with whether each can become an action; create chosen ones',
    )
    .argument('<file-or-url>', 'a JSON or YAML file, or an https URL')
    .option('--create <operations>', 'comma-separated operationIds (or action names) to create')
    .option('--all', 'create every convertible operation', false)
    .option(
      '--secret <scheme=value>',
      'a credential for a security scheme (basic: user:password; repeatable)',
      collect,
      [],
    )
    .option(
      '--base-url <https-url>',
      "build every action on this https base URL instead of the document's servers",
    )
    .option('--url <url>', 'the server (TOOLGATE_URL; default http://127.0.0.1:3000)')
    .option('--key <tg_...>', 'an API key with the webhooks:manage scope (TOOLGATE_API_KEY)')
    .action(async (source: string, flags) => setExit(await runImportOpenApi(source, flags, io)));

  const serverFlags = (command: Command) =>
    command
      .option('--port <port>', 'listen on this port (PORT; default 3000; 0 picks a free one)')
      .option('--host <host>', 'listen on this address (HOST; default 127.0.0.1)')
      .option('--data <dir>', 'the embedded database folder (TOOLGATE_DATA_DIR; default ./data)');

  serverFlags(
    program
      .command('start')
      .description('start the Toolgate server: API, embedded database (or DATABASE_URL), migrations'),
  ).action(async (flags) => setExit(await runStart(flags, io)));

  const secrets = program.command('secrets').description('manage the key that encrypts stored secrets');
  serverFlags(secrets.command('rotate').description('re-encrypt every stored secret under a new key')).action(
    async (flags) => setExit(await runSecretsRotate(flags, io)),
  );

  const tenants = program.command('tenants').description('manage tenants');
  serverFlags(
    tenants
      .command('create')
      .description('create a tenant and print its first admin API key (once)')
      .argument('<name>', 'a name people recognise')
      .option('--max-actions <n>', 'how many actions it may define (default 10)'),
  ).action(async (name: string, flags) => setExit(await runTenantCreate(name, flags, io)));

  // For an owner locked out (lost first-start credentials); like every command above that opens
  // the embedded database, they refuse to run while a server holds the data folder.
  const operators = program.command('operators').description('manage operators (the admin app sign-ins)');
  serverFlags(
    operators
      .command('reset-password')
      .description('set a new random password for an operator and print it once (server stopped)')
      .argument('<email>', "the operator's email, like admin@localhost")
      .option('--tenant <id>', 'the tenant (default: default)'),
  ).action(async (email: string, flags) => setExit(await runResetPassword(email, flags, io)));

  const keys = program.command('keys').description('manage API keys');
  serverFlags(
    keys
      .command('create-admin')
      .description('create an API key with every scope and print it once (server stopped)')
      .option('--tenant <id>', 'the tenant (default: default)')
      .option('--name <name>', 'what the key list calls it'),
  ).action(async (flags) => setExit(await runCreateAdminKey(flags, io)));
  return program;
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit code.
 *
 * @example
 * const code = await runCli(['url-check', 'https://127.0.0.1/'], io); // 3
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; parse errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`toolgate: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`toolgate: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
