import { useEffect, useRef } from 'preact/hooks';
import { prettyJson } from '../actions/json-values';
import { Link } from '../router/link';
import type { ChatItem } from './chat-state';
import { valueText } from './debug-view';

type ActionItem = Extract<ChatItem, { kind: 'action' }>;
type ApprovalItem = Extract<ChatItem, { kind: 'approval' }>;

const STATUS_TEXT: Record<ActionItem['status'], string> = {
  running: 'Running…',
  delayed: 'Delayed',
  completed: 'Completed',
  failed: 'Failed',
};

const ANSWER_TEXT: Record<ApprovalItem['answer'], string> = {
  open: '',
  approved: 'You approved.',
  declined: 'You declined.',
  answered: 'Answered by a later message.',
};

function Arguments({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <p class="chat-meta">No arguments.</p>;
  return (
    <dl class="chat-args" aria-label="Arguments">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{valueText(value)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ActionCard({ item }: { item: ActionItem }) {
  const tone =
    item.status === 'completed' ? 'status-ok' : item.status === 'failed' ? 'status-error' : 'status-redirect';
  const logged = item.status === 'completed' || item.status === 'failed';
  return (
    <li class="chat-item chat-action">
      <p class="chat-action-line">
        <span class="visually-hidden">Action call: </span>
        <code class="action-name">{item.action}</code>{' '}
        <span class={`badge ${tone}`}>{STATUS_TEXT[item.status]}</span>
      </p>
      <Arguments values={item.arguments} />
      {item.delayedText !== undefined && (
        <p class="chat-meta">Took longer than expected: said "{item.delayedText}"</p>
      )}
      {item.failure && (
        <p class="chat-failure">
          Failed: <code>{item.failure.kind || 'unknown'}</code>
          {item.failure.message && ` — ${item.failure.message}`}
        </p>
      )}
      {item.status === 'completed' && item.result !== undefined && (
        <details class="chat-result">
          <summary>Result the model read</summary>
          <pre class="code-block">
            <code>{prettyJson(item.result)}</code>
          </pre>
        </details>
      )}
      {logged && (
        <p class="chat-meta">
          <Link href={`/calls/${encodeURIComponent(item.callId)}`}>View {item.action} call in the log</Link>
        </p>
      )}
    </li>
  );
}

function Approval({
  item,
  onAnswer,
}: {
  item: ApprovalItem;
  onAnswer: (answer: 'approved' | 'declined') => void;
}) {
  const textId = `${item.id}-text`;
  return (
    <li class="chat-item chat-approval">
      <p id={textId} class="chat-bubble chat-from-agent">
        <span class="visually-hidden">Agent asks: </span>
        {item.text}
      </p>
      <p class="chat-meta">
        Needs your approval to call <code>{item.action}</code> with:
      </p>
      <Arguments values={item.arguments} />
      {item.answer === 'open' ? (
        <div class="button-row">
          <button
            type="button"
            class="button button-primary"
            aria-describedby={textId}
            onClick={() => onAnswer('approved')}
          >
            Approve
          </button>
          <button
            type="button"
            class="button button-secondary"
            aria-describedby={textId}
            onClick={() => onAnswer('declined')}
          >
            Decline
          </button>
        </div>
      ) : (
        <p class="chat-meta">{ANSWER_TEXT[item.answer]}</p>
      )}
    </li>
  );
}

function Item({ item, onAnswer }: { item: ChatItem; onAnswer: (answer: 'approved' | 'declined') => void }) {
  switch (item.kind) {
    case 'user':
      return (
        <li class="chat-item chat-bubble chat-from-user">
          <span class="visually-hidden">You: </span>
          {item.text}
        </li>
      );
    case 'agent':
      return (
        <li class="chat-item chat-bubble chat-from-agent">
          <span class="visually-hidden">Agent: </span>
          {item.text}
        </li>
      );
    case 'progress':
      return (
        <li class="chat-item chat-progress">
          <span class="visually-hidden">Agent, while working: </span>
          {item.text}
        </li>
      );
    case 'action':
      return <ActionCard item={item} />;
    case 'approval':
      return <Approval item={item} onAnswer={onAnswer} />;
    case 'notice':
      return <li class={`chat-item chat-notice chat-notice-${item.tone}`}>{item.text}</li>;
  }
}

interface ChatLogProps {
  items: readonly ChatItem[];
  onAnswer: (answer: 'approved' | 'declined') => void;
}

/**
 * The conversation as it streams in: a `log` live region (new lines are announced politely),
 * kept scrolled to the newest line.
 */
export function ChatLog({ items, onAnswer }: ChatLogProps) {
  const box = useRef<HTMLDivElement>(null);
  // Follow the newest line as items arrive and as a call's card changes.
  useEffect(() => {
    if (box.current && items.length > 0) box.current.scrollTop = box.current.scrollHeight;
  }, [items]);
  return (
    <div class="chat-log" role="log" aria-live="polite" aria-label="Conversation" ref={box}>
      {items.length === 0 ? (
        <p class="chat-meta">No messages yet.</p>
      ) : (
        <ol class="chat-items">
          {items.map((item) => (
            <Item key={item.id} item={item} onAnswer={onAnswer} />
          ))}
        </ol>
      )}
    </div>
  );
}
