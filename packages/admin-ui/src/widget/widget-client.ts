import { takeEvents } from '../api/sse-lines';

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

  async function failure(response: Response): Promise<string> {
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { message?: string } }
      | undefined;
    return body?.error?.message ?? `the chat is unavailable (${response.status})`;
  }

  return {
    /** The conversation of this page visit (kept across page loads in this tab), and its greeting. */
    async start(): Promise<{ id: string; greeting?: string }> {
      const known = sessionStorage.getItem(storageKey);
      if (known) return { id: known };
      const response = await fetch(`${options.base}/api/v1/conversations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ agentId: options.agent }),
      });
      if (!response.ok) throw new Error(await failure(response));
      const conversation = (await response.json()) as { id: string; greeting?: string };
      sessionStorage.setItem(storageKey, conversation.id);
      return conversation;
    },

    /** Sends a message and reports what happens as it streams. */
    async send(
      conversationId: string,
      text: string,
      onUpdate: (update: WidgetUpdate) => void,
    ): Promise<void> {
      const response = await fetch(`${options.base}/api/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify({ text }),
      });
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
