import { createInterface } from 'node:readline';
import { ApiClientError, createApiClient } from './api-client.js';
import { type CliIo, EXIT, UsageError } from './cli-io.js';

export interface ChatFlags {
  agent: string;
  url?: string;
  key?: string;
  contact?: string;
  debug?: boolean;
}

type Event = Record<string, unknown> & { type?: string };

/** One line per event, as it happens: what the agent is doing while the customer waits. */
function describeEvent(name: string, data: Event, debug: boolean): string | undefined {
  switch (name) {
    case 'action-started':
      return `  → ${data.action} ${JSON.stringify(data.arguments)}`;
    case 'action-delayed':
      return `  … ${data.action} is taking a while`;
    case 'action-completed':
      return `  ✓ ${data.action}`;
    case 'action-failed': {
      const failure = data.failure as { kind: string; message: string };
      return `  ✗ ${data.action}: ${failure.kind}: ${failure.message}`;
    }
    case 'approval-requested':
      return `  ? waiting for a yes to ${data.action}`;
    case 'limit-reached':
      return `  ! limit: ${data.message}`;
    case 'model-error':
      return `  ! model failed: ${data.message}`;
    case 'debug':
      return debug ? `  · ${JSON.stringify(data.data)}` : undefined;
    case 'message':
      // Progress texts are said while the call runs; the reply comes with `done`.
      return data.reason === 'reply' ? undefined : `agent: ${data.text}`;
    default:
      return undefined;
  }
}

/**
 * `toolgate chat --agent <id|name>`: a conversation with an agent of a running server, from the
 * terminal. Each line read is a customer message; action events are shown as they stream in.
 */
export async function runChat(
  flags: ChatFlags,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const url = flags.url ?? env.TOOLGATE_URL ?? 'http://127.0.0.1:3000';
  const key = flags.key ?? env.TOOLGATE_API_KEY;
  if (!key) throw new UsageError('an API key is needed: --key tg_... or TOOLGATE_API_KEY (scope chat)');
  if (!URL.canParse(url)) throw new UsageError(`--url: ${url} is not a URL`);
  const client = createApiClient(url, key);
  let conversation: { id: string; greeting?: string };
  try {
    conversation = await client.json<{ id: string; greeting?: string }>('POST', '/conversations', {
      agentId: flags.agent,
      ...(flags.contact ? { contactId: flags.contact } : {}),
    });
  } catch (error) {
    if (error instanceof ApiClientError) {
      io.stderr(`toolgate chat: cannot start a conversation: ${error.message}\n`);
      return EXIT.failed;
    }
    throw new Error(`cannot reach Toolgate at ${url}: ${(error as Error).message}`);
  }
  io.stderr(`conversation ${conversation.id} with ${flags.agent} (Ctrl-D to end)\n`);
  if (conversation.greeting) io.stdout(`agent: ${conversation.greeting}\n`);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    try {
      await client.stream(
        `/conversations/${conversation.id}/messages${flags.debug ? '?debug=true' : ''}`,
        { text },
        (name, data) => {
          if (name === 'done') io.stdout(`agent: ${(data as { reply: string }).reply}\n`);
          else if (name === 'error') io.stderr(`  ! ${JSON.stringify(data)}\n`);
          else {
            const shown = describeEvent(name, data as Event, flags.debug ?? false);
            if (shown !== undefined) io.stdout(`${shown}\n`);
          }
        },
      );
    } catch (error) {
      io.stderr(`toolgate chat: ${(error as Error).message}\n`);
      if (!(error instanceof ApiClientError) || error.status !== 409) return EXIT.failed;
    }
  }
  return EXIT.ok;
}
