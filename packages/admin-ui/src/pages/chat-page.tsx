import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasScope } from '../auth/scopes';
import { AgentPicker } from '../chat/agent-picker';
import { ChatLog } from '../chat/chat-log';
import { DebugPanel } from '../chat/debug-panel';
import { useChat } from '../chat/use-chat';
import { ErrorAlert } from '../components/error-alert';
import { PageTitle } from '../components/page-title';
import { useApp } from '../session/app-context';

/** The longest message the server takes. */
const MAX_MESSAGE_CHARS = 4000;

/**
 * `/chat`: talk to an agent as a customer would, and watch its action calls, approvals and (with
 * `conversations:read`) its reasons as each turn streams in.
 */
export function ChatPage() {
  const { client, session } = useApp();
  const canDebug = hasScope(session.scopes, 'conversations:read');
  const chat = useChat(client, canDebug);
  const [agent, setAgent] = useState('');
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { state, conversation } = chat;

  // A new conversation: ready to type.
  useEffect(() => {
    if (conversation) input.current?.focus();
  }, [conversation]);

  const onStart = () => {
    if (agent.trim() !== '') void chat.start(agent.trim());
  };
  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = text.trim();
    if (message === '' || state.pending) return;
    setText('');
    void chat.send(message);
  };
  const onAnswer = (answer: 'approved' | 'declined') => {
    input.current?.focus();
    void chat.answer(answer);
  };

  return (
    <>
      <PageTitle title="Chat playground">
        <p class="page-intro">
          Talk to an agent as a customer would. Action calls, approvals and the agent's reasoning show as each
          answer streams in.
        </p>
      </PageTitle>
      <div class="chat-setup">
        <AgentPicker
          client={client}
          canList={hasScope(session.scopes, 'agents:read')}
          value={agent}
          onValue={setAgent}
        />
        <button
          type="button"
          class="button button-primary"
          onClick={onStart}
          disabled={chat.starting || agent.trim() === ''}
        >
          {chat.starting ? 'Starting…' : conversation ? 'New conversation' : 'Start conversation'}
        </button>
      </div>
      {chat.startError !== null && <ErrorAlert error={chat.startError} onRetry={onStart} />}
      <div class={canDebug ? 'chat-layout chat-layout-debug' : 'chat-layout'}>
        <section class="chat-panel" aria-labelledby="chat-heading">
          <h2 id="chat-heading">Conversation</h2>
          {conversation === null ? (
            <p class="field-hint">Pick an agent and start a conversation.</p>
          ) : (
            <>
              <p class="chat-meta">
                Conversation <code>{conversation.id}</code>
              </p>
              <ChatLog items={state.items} onAnswer={onAnswer} />
              <p class="chat-status" role="status">
                {state.pending ? 'The agent is answering…' : ''}
              </p>
              <form class="chat-composer" onSubmit={onSubmit}>
                <label for="chat-message">Message</label>
                <div class="chat-composer-row">
                  <input
                    id="chat-message"
                    ref={input}
                    type="text"
                    value={text}
                    maxLength={MAX_MESSAGE_CHARS}
                    autocomplete="off"
                    onInput={(event) => setText(event.currentTarget.value)}
                  />
                  <button
                    type="submit"
                    class="button button-primary"
                    aria-disabled={state.pending || text.trim() === '' ? 'true' : undefined}
                  >
                    Send
                  </button>
                </div>
              </form>
            </>
          )}
        </section>
        {canDebug && <DebugPanel turns={state.debug} />}
      </div>
    </>
  );
}
