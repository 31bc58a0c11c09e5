import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { widgetSnippet } from './key-draft';
import type { CreatedKey } from './key-view';

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div class="button-row">
      <button type="button" class="button button-secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" class="form-status">
        {copied === 'yes' && 'Copied.'}
        {copied === 'failed' && 'Copying is not allowed here: select the text and copy it.'}
      </span>
    </div>
  );
}

/** A new key's value, shown this once, with Copy and, for a widget key, the tag to paste. */
export function NewKeyPanel({
  created,
  serverOrigin,
  agentName,
  onDismiss,
}: {
  created: CreatedKey;
  serverOrigin: string;
  agentName: string | undefined;
  onDismiss: () => void;
}) {
  const panel = useRef<HTMLElement>(null);
  useLayoutEffect(() => panel.current?.focus(), []);
  const { key, value } = created;
  return (
    <section class="secret-panel" aria-labelledby="new-key-title" tabIndex={-1} ref={panel}>
      <h2 id="new-key-title">Key “{key.name}” created</h2>
      <p>This is the only time its value is shown. Store it now: the list shows only its prefix.</p>
      <h3 id="new-key-value-label">Key value</h3>
      <div class="secret-box">
        <code class="secret-text">{value}</code>
      </div>
      <CopyButton text={value} label="Copy key" />
      {key.widget && (
        <>
          <h3 id="new-key-snippet-label">Script tag for your website</h3>
          <p>
            Paste it into the pages at {key.widget.origins.join(', ')}. The widget talks to{' '}
            {agentName ?? key.widget.agentId}.
          </p>
          <div class="secret-box">
            <code class="secret-text">{widgetSnippet(serverOrigin, key.widget.agentId, value)}</code>
          </div>
          <CopyButton text={widgetSnippet(serverOrigin, key.widget.agentId, value)} label="Copy script tag" />
        </>
      )}
      <div class="button-row panel-dismiss">
        <button type="button" class="button button-primary" onClick={onDismiss}>
          I have stored it, hide it
        </button>
      </div>
    </section>
  );
}
