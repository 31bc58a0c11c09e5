import type { ChatEvent } from './chat-events';

/**
 * The chat playground's conversation as a list of items, built from what the operator sends and
 * the events each turn streams. Pure: `chatReducer` is the only way the list changes.
 */

export type ActionStatus = 'running' | 'delayed' | 'completed' | 'failed';
/** An approval's buttons are shown while `open`; `answered` means another message answered it. */
export type ApprovalAnswer = 'open' | 'approved' | 'declined' | 'answered';

export type ChatItem =
  | { kind: 'agent'; id: string; text: string }
  | { kind: 'user'; id: string; text: string }
  /** The action's start or delayed message, said while the call runs. */
  | { kind: 'progress'; id: string; text: string; reason: 'start' | 'delayed' }
  | {
      kind: 'action';
      id: string;
      callId: string;
      action: string;
      arguments: Record<string, unknown>;
      status: ActionStatus;
      delayedText?: string;
      result?: unknown;
      failure?: { kind: string; message: string };
    }
  | {
      kind: 'approval';
      id: string;
      action: string;
      arguments: Record<string, unknown>;
      text: string;
      answer: ApprovalAnswer;
    }
  | { kind: 'notice'; id: string; tone: 'limit' | 'error'; text: string };

/** What the model reported at one step of a turn (`debug` events). */
export interface DebugStep {
  step: number;
  data: Record<string, unknown>;
}

/** One turn's debug steps, with the message that started it. */
export interface DebugTurn {
  turn: number;
  text: string;
  steps: DebugStep[];
}

export interface ChatState {
  items: ChatItem[];
  /** A turn is streaming: another message would be refused (409), so sending waits. */
  pending: boolean;
  /** Turns sent so far in this conversation. */
  turns: number;
  /** Where the current turn's items start in `items`. */
  turnStart: number;
  debug: DebugTurn[];
  nextId: number;
}

export type ChatAction =
  /** A new conversation, with the agent's greeting. */
  | { type: 'started'; greeting?: string | undefined }
  /** The operator sent a message; `answer` when it is an approval button's yes or no. */
  | { type: 'sent'; text: string; answer?: 'approved' | 'declined' }
  | { type: 'event'; event: ChatEvent }
  /** The request failed (refused, network): said in the log, the turn is over. */
  | { type: 'failed'; message: string }
  /** The stream ended. */
  | { type: 'ended' };

export const EMPTY_CHAT: ChatState = {
  items: [],
  pending: false,
  turns: 0,
  turnStart: 0,
  debug: [],
  nextId: 1,
};

/** What an approval button sends. */
export function approvalText(answer: 'approved' | 'declined'): string {
  return answer === 'approved' ? 'yes' : 'no';
}

type NewItem = ChatItem extends infer Item ? (Item extends ChatItem ? Omit<Item, 'id'> : never) : never;

function append(state: ChatState, item: NewItem): ChatState {
  return {
    ...state,
    items: [...state.items, { ...item, id: `item-${state.nextId}` } as ChatItem],
    nextId: state.nextId + 1,
  };
}

/** Updates the action item of a call (the latest one with this id). */
function updateCall(
  state: ChatState,
  callId: string,
  change: (item: Extract<ChatItem, { kind: 'action' }>) => ChatItem,
): ChatState {
  const index = state.items.findLastIndex((item) => item.kind === 'action' && item.callId === callId);
  const item = state.items[index];
  if (item?.kind !== 'action') return state;
  const items = [...state.items];
  items[index] = change(item);
  return { ...state, items };
}

function withCall(state: ChatState, event: Extract<ChatEvent, { callId: string }>): ChatState {
  const known = state.items.some((item) => item.kind === 'action' && item.callId === event.callId);
  const base = known
    ? state
    : append(state, {
        kind: 'action',
        callId: event.callId,
        action: event.action,
        arguments: {},
        status: 'running',
      });
  return updateCall(base, event.callId, (item) => {
    switch (event.type) {
      case 'action-started':
        return { ...item, arguments: event.arguments, status: 'running' };
      case 'action-delayed':
        return { ...item, status: 'delayed', delayedText: event.text };
      case 'action-completed':
        return { ...item, status: 'completed', result: event.result };
      case 'action-failed':
        return { ...item, status: 'failed', failure: event.failure };
    }
  });
}

/**
 * An action's start message ("Let me look that up.") announces its call, so it goes before the
 * call's card. The agent loop emits `action-started` first (the card exists by then, with the
 * call's id and arguments) and the message right after: when the turn's last item is that card,
 * the message is put in front of it; otherwise it is appended.
 */
function withStartMessage(state: ChatState, text: string): ChatState {
  const appended = append(state, { kind: 'progress', text, reason: 'start' });
  const last = state.items.length - 1;
  const card = state.items[last];
  if (last < state.turnStart || card?.kind !== 'action' || card.status !== 'running') return appended;
  const message = appended.items[appended.items.length - 1] as ChatItem;
  return { ...appended, items: [...state.items.slice(0, last), message, card] };
}

function finish(state: ChatState): ChatState {
  return { ...state, pending: false };
}

/** The reply, unless this turn's approval already shows the same text (with its buttons). */
function withReply(state: ChatState, reply: string): ChatState {
  const asked = state.items
    .slice(state.turnStart)
    .some((item) => item.kind === 'approval' && item.text === reply);
  return finish(asked || reply === '' ? state : append(state, { kind: 'agent', text: reply }));
}

function withDebug(state: ChatState, step: DebugStep): ChatState {
  const last = state.debug.at(-1);
  if (last === undefined) return state;
  return { ...state, debug: [...state.debug.slice(0, -1), { ...last, steps: [...last.steps, step] }] };
}

function onEvent(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'action-started':
    case 'action-delayed':
    case 'action-completed':
    case 'action-failed':
      return withCall(state, event);
    case 'approval-requested':
      return append(state, {
        kind: 'approval',
        action: event.action,
        arguments: event.arguments,
        text: event.text,
        answer: 'open',
      });
    case 'message':
      // A failure message and the reply are the turn's reply, which `done` brings.
      if (event.reason === 'start') return withStartMessage(state, event.text);
      return event.reason === 'delayed'
        ? append(state, { kind: 'progress', text: event.text, reason: event.reason })
        : state;
    case 'limit-reached':
      return append(state, {
        kind: 'notice',
        tone: 'limit',
        text: `Limit reached${event.action ? ` for ${event.action}` : ''}: ${event.message}`,
      });
    case 'model-error':
      return append(state, { kind: 'notice', tone: 'error', text: `The model failed: ${event.message}` });
    case 'debug':
      return withDebug(state, { step: event.step, data: event.data });
    case 'done':
      return withReply(state, event.reply);
    case 'error':
      return finish(
        append(state, { kind: 'notice', tone: 'error', text: `The turn failed: ${event.message}` }),
      );
  }
}

/**
 * The next state of the chat.
 *
 * @example
 * chatReducer(EMPTY_CHAT, { type: 'started', greeting: 'Hi!' }).items; // [{ kind: 'agent', id: 'item-1', text: 'Hi!' }]
 */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'started':
      return action.greeting ? append(EMPTY_CHAT, { kind: 'agent', text: action.greeting }) : EMPTY_CHAT;
    case 'sent': {
      const answer: ApprovalAnswer = action.answer ?? 'answered';
      const items = state.items.map(
        (item): ChatItem => (item.kind === 'approval' && item.answer === 'open' ? { ...item, answer } : item),
      );
      const turn = state.turns + 1;
      const sent = append({ ...state, items }, { kind: 'user', text: action.text });
      return {
        ...sent,
        pending: true,
        turns: turn,
        turnStart: sent.items.length,
        debug: [...state.debug, { turn, text: action.text, steps: [] }],
      };
    }
    case 'event':
      return onEvent(state, action.event);
    case 'failed':
      return finish(append(state, { kind: 'notice', tone: 'error', text: action.message }));
    case 'ended':
      return state.pending
        ? finish(
            append(state, {
              kind: 'notice',
              tone: 'error',
              text: 'The answer stopped before it was complete. Send the message again.',
            }),
          )
        : state;
  }
}
