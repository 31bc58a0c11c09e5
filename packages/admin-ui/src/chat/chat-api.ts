import { isRecord } from '../actions/json-values';
import type { ApiClient } from '../api/api-client';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';
import { type ChatEvent, toChatEvent } from './chat-events';

/** What the agent picker shows of an agent. */
export interface AgentOption {
  id: string;
  name: string;
  /** `embedded`, `openai`, ... */
  provider: string;
}

/** A conversation just started (`POST /conversations`). */
export interface StartedConversation {
  id: string;
  agentId: string;
  greeting?: string;
}

function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

/** The agents of `GET /agents` (`{ agents }`), sorted by name. */
export function toAgentOptions(body: unknown): AgentOption[] {
  if (!isRecord(body) || !Array.isArray(body.agents)) throw unexpected('an agent list');
  return body.agents
    .flatMap((agent: unknown) =>
      isRecord(agent) && typeof agent.id === 'string' && typeof agent.name === 'string'
        ? [
            {
              id: agent.id,
              name: agent.name,
              provider:
                isRecord(agent.model) && typeof agent.model.provider === 'string' ? agent.model.provider : '',
            },
          ]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function toStartedConversation(body: unknown): StartedConversation {
  if (!isRecord(body) || typeof body.id !== 'string') throw unexpected('a conversation');
  return {
    id: body.id,
    agentId: typeof body.agentId === 'string' ? body.agentId : '',
    ...(typeof body.greeting === 'string' && body.greeting !== '' ? { greeting: body.greeting } : {}),
  };
}

/** `GET /agents` (needs `agents:read`). */
export async function listAgents(client: ApiClient): Promise<AgentOption[]> {
  return toAgentOptions(await client.request('GET', '/agents'));
}

/** `POST /conversations {agentId}`: the agent by id or name. */
export async function startConversation(client: ApiClient, agentId: string): Promise<StartedConversation> {
  return toStartedConversation(await client.request('POST', '/conversations', { body: { agentId } }));
}

export interface SendOptions {
  /** Ask for `debug` events and the operator's reasons (needs `conversations:read`). */
  debug: boolean;
  signal?: AbortSignal;
}

/**
 * `POST /conversations/{id}/messages {text}` as a stream: each known event goes to `onEvent` as
 * it happens. Resolves when the stream ends; a refused request throws an `ApiError`.
 */
export async function sendMessage(
  client: ApiClient,
  conversationId: string,
  text: string,
  options: SendOptions,
  onEvent: (event: ChatEvent) => void,
): Promise<void> {
  await client.stream(
    'POST',
    `/conversations/${encodeURIComponent(conversationId)}/messages`,
    (streamed) => {
      const event = toChatEvent(streamed);
      if (event) onEvent(event);
    },
    {
      body: { text },
      ...(options.debug ? { query: { debug: 'true' } } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
}
