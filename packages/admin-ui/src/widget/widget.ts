import { createWidgetClient, type WidgetUpdate } from './widget-client';
import { WIDGET_STYLES } from './widget-styles';

/**
 * The chat widget: `<script src="https://TOOLGATE/widget.js" data-agent="..." data-key="..."></script>`
 * puts a chat bubble on the page. Everything lives in a shadow root, so the page's styles and the
 * widget's do not meet. The key is a widget key: public, chat only, one agent, the page's origin.
 */
function mount(script: HTMLScriptElement): void {
  const agent = script.dataset.agent;
  const key = script.dataset.key;
  if (!agent || !key) {
    console.error('Toolgate widget: data-agent and data-key are required on the script tag');
    return;
  }
  const base = new URL(script.src).origin;
  const client = createWidgetClient({ base, agent, key });
  const host = document.createElement('div');
  host.id = 'toolgate-widget';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = WIDGET_STYLES;
  const bubble = element('button', { class: 'bubble', type: 'button', 'aria-expanded': 'false' }, 'Chat');
  const panel = element('section', {
    class: 'panel',
    id: 'toolgate-chat-panel',
    hidden: '',
    'aria-labelledby': 'toolgate-chat-title',
  });
  bubble.setAttribute('aria-controls', panel.id);
  // The agent's name once the conversation has started (the start answer gives it).
  const title = element('h2', { class: 'title', id: 'toolgate-chat-title' }, 'Chat');
  const close = element('button', { class: 'close', type: 'button', 'aria-label': 'Close chat' }, '×');
  const header = element('header', { class: 'header' });
  header.append(title, close);
  const log = element('ol', { class: 'log', 'aria-live': 'polite' });
  const form = element('form', { class: 'composer' });
  const input = element('input', {
    type: 'text',
    'aria-label': 'Your message',
    placeholder: 'Type your message…',
    autocomplete: 'off',
    maxlength: '4000',
  });
  const send = element('button', { type: 'submit' }, 'Send');
  form.append(input, send);
  panel.append(header, log, form);
  root.append(style, bubble, panel);
  document.body.append(host);

  let conversation: Promise<string> | undefined;
  const listening = new AbortController();
  window.addEventListener('pagehide', () => listening.abort(), { once: true });
  const say = (who: 'agent' | 'you' | 'note' | 'error', text: string) => {
    log.append(element('li', { class: who }, text));
    log.scrollTop = log.scrollHeight;
  };
  const open = () => {
    conversation ??= client.start().then(
      (started) => {
        if (started.agentName) title.textContent = started.agentName;
        if (started.greeting) say('agent', started.greeting);
        // Answers that come later (an async action's result) appear as the agent's messages.
        void client.listen(started.id, (text) => say('agent', text), listening.signal);
        return started.id;
      },
      (error: Error) => {
        conversation = undefined;
        say('error', error.message);
        throw error;
      },
    );
    return conversation;
  };
  const ask = async (text: string) => {
    say('you', text);
    send.disabled = true;
    try {
      const id = await open();
      await client.send(id, text, (update: WidgetUpdate) => {
        if (update.kind === 'approval') return offerChoice(update.text);
        say(update.kind === 'reply' ? 'agent' : update.kind === 'error' ? 'error' : 'note', update.text);
      });
    } catch {
      // Already shown.
    } finally {
      send.disabled = false;
      input.focus();
    }
  };
  const offerChoice = (text: string) => {
    say('agent', text);
    const choices = element('li', { class: 'choices' });
    for (const [label, answer] of [
      ['Approve', 'yes'],
      ['Decline', 'no'],
    ] as const) {
      const button = element('button', { type: 'button' }, label);
      button.addEventListener('click', () => {
        choices.remove();
        void ask(answer);
      });
      choices.append(button);
    }
    log.append(choices);
  };

  const show = (opening: boolean) => {
    panel.hidden = !opening;
    bubble.setAttribute('aria-expanded', String(opening));
    if (opening) {
      input.focus();
      void open().catch(() => undefined);
    } else bubble.focus();
  };
  bubble.addEventListener('click', () => show(panel.hasAttribute('hidden')));
  close.addEventListener('click', () => show(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') show(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    input.value = '';
    void ask(text);
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script));
}
