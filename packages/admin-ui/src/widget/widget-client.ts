import { takeEvents } from '../api/sse-lines';
import { describeWidgetFailure, type WidgetFailure } from './widget-failure';

/** What the widget shows as a turn streams in. */
export type WidgetUpdate =
  | { kind: 'progress'; text: string }
  | { kind: 'approval'; text: string }
  | { kind: 'reply'; text: string }
  | { kind: 'error'; text: string };

/** The widget's conversation with one agent, over the public chat API with a widget key. */
export function createWidgetClient(options: { base: string; agent: string; key: string }) {
  const headers = { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' };
  const storageKey = `toolgate-widget:${options.base}:${options.agent}`;

  /** The visitor's line for a failed answer; the site developer's detail goes to the console. */
  async function failure(response: Response): Promise<string> {
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { message?: string } }
      | undefined;
    return shown(describeWidgetFailure(response.status, body?.error?.message, location.origin));
  }
  const unreachable = () => shown(describeWidgetFailure(0, undefined, location.origin));
  const post = (path: string, init: RequestInit) =>
    fetch(`${options.base}/api/v1${path}`, { method: 'POST', ...init }).catch(() => undefined);

  return {
    /**
     * The conversation of this page visit (kept across page loads in this tab), the agent's name
     * for the title, and its greeting. Throws with the visitor's line when the chat is refused.
     */
    async start(): Promise<{ id: string; agentName?: string; greeting?: string }> {
      const known = readStored(sessionStorage.getItem(storageKey));
      if (known) return known;
      const response = await post('/conversations', {
        headers,
        body: JSON.stringify({ agentId: options.agent }),
      });
      if (!response) throw new Error(unreachable());
      if (!response.ok) throw new Error(await failure(response));
      const conversation = (await response.json()) as { id: string; agentName?: string; greeting?: string };
      const stored: StoredConversation = { id: conversation.id };
      if (conversation.agentName) stored.agentName = conversation.agentName;
      sessionStorage.setItem(storageKey, JSON.stringify(stored));
      return conversation;
    },

    /**
     * Listens for what the agent says outside a turn (an async action's answer coming later) and
     * hands each reply to `onReply`, until `signal` aborts; a dropped stream is opened again after
     * LISTEN_RETRY_MS, a refused one (the key or the conversation is gone) is given up.
     */
    async listen(
      conversationId: string,
      onReply: (text: string) => void,
      signal: AbortSignal,
    ): Promise<void> {
      while (!signal.aborted) {
        const response = await fetch(`${options.base}/api/v1/conversations/${conversationId}/stream`, {
          headers: { authorization: headers.authorization, accept: 'text/event-stream' },
          signal,
        }).catch(() => undefined);
        if (response && [401, 403, 404].includes(response.status)) return;
        if (response?.ok && response.body) {
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffered = '';
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const { events, rest } = takeEvents(buffered + value);
              buffered = rest;
              for (const reply of followUpReplies(events)) onReply(reply);
            }
          } catch {
            // The connection dropped (or the page aborted it): listen again below.
          }
        }
        if (signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, LISTEN_RETRY_MS));
      }
    },

    /** Sends a message and reports what happens as it streams. */
    async send(
      conversationId: string,
      text: string,
      onUpdate: (update: WidgetUpdate) => void,
    ): Promise<void> {
      const response = await post(`/conversations/${conversationId}/messages`, {
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify({ text }),
      });
      if (!response) return onUpdate({ kind: 'error', text: unreachable() });
      if (response.status === 404) sessionStorage.removeItem(storageKey);
      if (!response.ok || !response.body) return onUpdate({ kind: 'error', text: await failure(response) });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { events, rest } = takeEvents(buffered + value);
        buffered = rest;
        for (const { event, data } of events) {
          const payload = data as {
            text?: string;
            reason?: string;
            reply?: string;
            error?: { message?: string };
          };
          if (event === 'message' && payload.reason !== 'reply' && payload.text) {
            onUpdate({ kind: 'progress', text: payload.text });
          } else if (event === 'approval-requested' && payload.text)
            onUpdate({ kind: 'approval', text: payload.text });
          else if (event === 'done' && payload.reply !== undefined)
            onUpdate({ kind: 'reply', text: payload.reply });
          else if (event === 'error')
            onUpdate({ kind: 'error', text: payload.error?.message ?? 'something went wrong' });
        }
      }
    },
  };
}

/** How long the widget waits before listening again after its follow-up stream ended. */
export const LISTEN_RETRY_MS = 5_000;

/** The agent's follow-ups among a stream's events (`message` events `{reply}` of `/stream`). */
export function followUpReplies(events: ReadonlyArray<{ event: string; data: unknown }>): string[] {
  return events.flatMap(({ event, data }) => {
    const reply = (data as { reply?: unknown } | null)?.reply;
    return event === 'message' && typeof reply === 'string' && reply !== '' ? [reply] : [];
  });
}

/** What the tab remembers of its conversation. */
interface StoredConversation {
  id: string;
  agentName?: string;
}

/** The stored conversation: JSON, or a bare id (what earlier versions of the widget stored). */
export function readStored(value: string | null): StoredConversation | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return { id: value };
  try {
    const parsed = JSON.parse(value) as Partial<StoredConversation>;
    if (typeof parsed.id !== 'string') return undefined;
    return typeof parsed.agentName === 'string'
      ? { id: parsed.id, agentName: parsed.agentName }
      : { id: parsed.id };
  } catch {
    return undefined;
  }
}

/** Puts the developer's detail in the console and returns the visitor's line. */
function shown(failure: WidgetFailure): string {
  if (failure.developerDetail) console.warn(failure.developerDetail);
  return failure.visitorText;
}
