import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { describeError } from '../api/describe-error';
import { type StartedConversation, sendMessage, startConversation } from './chat-api';
import { approvalText, chatReducer, EMPTY_CHAT } from './chat-state';

/**
 * The playground's conversation: `start` opens one with an agent (dropping the previous one and
 * any turn still streaming), `send` streams a turn into the chat state. One turn at a time: the
 * server refuses a second one (409) while the first runs.
 */
export function useChat(client: ApiClient, debug: boolean) {
  const [state, dispatch] = useReducer(chatReducer, EMPTY_CHAT);
  const [conversation, setConversation] = useState<StartedConversation | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  // Bumped by every start: events of an abandoned conversation are dropped.
  const generation = useRef(0);
  const stream = useRef<AbortController | null>(null);
  const busy = useRef(false);

  useEffect(() => () => stream.current?.abort(), []);

  const start = useCallback(
    async (agentId: string) => {
      stream.current?.abort();
      busy.current = false;
      generation.current += 1;
      const mine = generation.current;
      setStarting(true);
      setStartError(null);
      try {
        const started = await startConversation(client, agentId);
        if (mine !== generation.current) return;
        setConversation(started);
        dispatch({ type: 'started', greeting: started.greeting });
      } catch (error) {
        if (mine === generation.current) setStartError(error);
      } finally {
        if (mine === generation.current) setStarting(false);
      }
    },
    [client],
  );

  const send = useCallback(
    async (text: string, answer?: 'approved' | 'declined') => {
      if (conversation === null || busy.current) return;
      busy.current = true;
      const mine = generation.current;
      const abort = new AbortController();
      stream.current = abort;
      dispatch(answer ? { type: 'sent', text, answer } : { type: 'sent', text });
      try {
        await sendMessage(client, conversation.id, text, { debug, signal: abort.signal }, (event) => {
          if (mine === generation.current) dispatch({ type: 'event', event });
        });
        if (mine === generation.current && !abort.signal.aborted) dispatch({ type: 'ended' });
      } catch (error) {
        if (mine === generation.current) dispatch({ type: 'failed', message: describeError(error) });
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [client, conversation, debug],
  );

  const answer = useCallback((choice: 'approved' | 'declined') => send(approvalText(choice), choice), [send]);

  return { state, conversation, starting, startError, start, send, answer };
}
