import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ApiClient,
  ApiClientError,
  ConnectionLostError,
  createApiClient,
  ServerUnreachableError,
} from './api-client.js';
import { type CliIo, EXIT, UsageError } from './cli-io.js';
import { describeChatEvent } from './describe-chat-event.js';

export interface ChatFlags {
  agent: string;
  url?: string;
  key?: string;
  contact?: string;
  debug?: boolean;
  /** How many times a message is sent again while the server cannot be reached (default 5). */
  retries?: string;
}

/** Retries of one message while the server is unreachable, unless `--retries` says otherwise. */
export const DEFAULT_CHAT_RETRIES = 5;
/** Waits between retries: quick at first (a restart takes seconds), then every few seconds. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 3_000];
const retryDelay = (attempt: number) =>
  RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 3_000;
/** More than this is a typo or a hang by another name. */
const MAX_CHAT_RETRIES = 1_000;

type Outcome = 'answered' | 'lost' | 'busy' | 'refused' | 'gave_up' | 'interrupted';

function parseRetries(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CHAT_RETRIES;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > MAX_CHAT_RETRIES)
    throw new UsageError(`--retries must be a whole number from 0 to ${MAX_CHAT_RETRIES}, got "${text}"`);
  return value;
}

/** Sends one message and shows its events; while the server cannot be reached, retries. */
async function sendMessage(
  client: ApiClient,
  text: string,
  options: { url: string; path: string; debug: boolean; retries: number; signal: AbortSignal; io: CliIo },
): Promise<Outcome> {
  const { io, url } = options;
  for (let attempt = 0; ; attempt++) {
    let lastSaid: string | undefined;
    let done = false;
    try {
      await client.stream(
        options.path,
        { text },
        (name, data) => {
          if (name === 'done') {
            done = true;
            const reply = (data as { reply: string }).reply;
            // A failed call's apology is said as it happens and is the turn's reply too: once is enough.
            if (reply !== lastSaid) io.stdout(`agent: ${reply}\n`);
          } else if (name === 'error') io.stderr(`  ! ${JSON.stringify(data)}\n`);
          else {
            const event = data as Record<string, unknown>;
            const shown = describeChatEvent(name, event, options.debug);
            if (shown !== undefined) io.stdout(`${shown}\n`);
            if (name === 'message' && event.reason !== 'reply') lastSaid = String(event.text);
          }
        },
        options.signal,
      );
      if (attempt > 0) io.stderr('toolgate chat: the server is back\n');
      if (!done) {
        io.stderr(
          `toolgate chat: the answer from ${url} ended before the turn did; send the message again\n`,
        );
        return 'lost';
      }
      return 'answered';
    } catch (error) {
      if (options.signal.aborted) return 'interrupted';
      if (error instanceof ApiClientError) {
        io.stderr(`toolgate chat: ${error.message}\n`);
        return error.status === 409 ? 'busy' : 'refused';
      }
      if (error instanceof ServerUnreachableError) {
        if (attempt >= options.retries) {
          io.stderr(
            `toolgate chat: ${error.message}; giving up after ${options.retries} ${options.retries === 1 ? 'retry' : 'retries'}\n`,
          );
          return 'gave_up';
        }
        const delay = retryDelay(attempt);
        io.stderr(
          `toolgate chat: ${error.message}; retrying in ${delay / 1000} s (${attempt + 1} of ${options.retries})…\n`,
        );
        try {
          await sleep(delay, undefined, { signal: options.signal });
        } catch {
          return 'interrupted';
        }
        continue;
      }
      if (error instanceof ConnectionLostError) {
        io.stderr(
          `toolgate chat: ${error.message} during the turn; it may not have been answered: send it again when the server is back\n`,
        );
        return 'lost';
      }
      throw error;
    }
  }
}

/**
 * `toolgate chat --agent <id|name>`: a conversation with an agent of a running server, from the
 * terminal. Each line read is a customer message; action events are shown as they stream in.
 * While the server cannot be reached a message is sent again a few times (`--retries`), then the
 * command exits 1; it never waits on a server that is gone.
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
  const retries = parseRetries(flags.retries);
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
    const reason = error instanceof ServerUnreachableError ? error.code : (error as Error).message;
    throw new Error(`cannot reach Toolgate at ${url} (${reason})`);
  }
  io.stderr(`conversation ${conversation.id} with ${flags.agent} (Ctrl-D to end)\n`);
  if (conversation.greeting) io.stdout(`agent: ${conversation.greeting}\n`);
  const interrupt = new AbortController();
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  // Ctrl-C on a terminal: stop the turn or the retries under way and end.
  lines.on('SIGINT', () => {
    interrupt.abort();
    lines.close();
  });
  const path = `/conversations/${conversation.id}/messages${flags.debug ? '?debug=true' : ''}`;
  let exitCode: number = EXIT.ok;
  try {
    for await (const line of lines) {
      const text = line.trim();
      if (text === '') continue;
      const outcome = await sendMessage(client, text, {
        url,
        path,
        debug: flags.debug ?? false,
        retries,
        signal: interrupt.signal,
        io,
      });
      if (outcome === 'refused' || outcome === 'gave_up') {
        exitCode = EXIT.failed;
        break;
      }
      if (outcome === 'interrupted') break;
    }
  } finally {
    lines.close();
    // Nothing more is read: let go of the terminal, or the process would wait on it forever.
    io.stdin.destroy();
  }
  return exitCode;
}
