import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { formatDateTime } from '../components/date-time-format';
import { ErrorAlert } from '../components/error-alert';
import type { RotatedSecret } from './action-view';
import { rotateSigningSecret } from './actions-api';

/** A secret shown this once, with Copy and a button that hides it for good. */
export function SecretPanel({
  title,
  secret,
  children,
  onDismiss,
}: {
  title: string;
  secret: string;
  children?: ComponentChildren;
  onDismiss: () => void;
}) {
  const panel = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useLayoutEffect(() => panel.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section class="secret-panel" aria-labelledby="secret-panel-title" tabIndex={-1} ref={panel}>
      <h2 id="secret-panel-title">{title}</h2>
      <p>
        This is the only time it is shown. Store it where your endpoint can read it: it verifies that requests
        come from Toolgate.
      </p>
      {children}
      <div class="secret-box">
        <code class="secret-text">{secret}</code>
      </div>
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" class="button button-primary" onClick={onDismiss}>
          I have stored it, hide it
        </button>
        <span role="status" class="form-status">
          {copied === 'yes' && 'Copied.'}
          {copied === 'failed' && 'Copying is not allowed here: select the text and copy it.'}
        </span>
      </div>
    </section>
  );
}

/** Rotation: a new secret, shown once; the old one keeps signing for 24 hours. */
export function SigningSecretSection({
  client,
  actionId,
  rotate: rotateSecret = () => rotateSigningSecret(client, actionId),
  intro = 'Every request is signed (Standard Webhooks headers). The secret was shown once, when the action was created. If it was lost or leaked, rotate it.',
}: {
  client: ApiClient;
  actionId: string;
  /** Issues the new secret; the action's rotation unless another owner (an agent) is given. */
  rotate?: () => Promise<RotatedSecret>;
  intro?: string;
}) {
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'confirming' }
    | { step: 'rotating' }
    | { step: 'shown'; secret: string; until: string }
    | { step: 'failed'; error: unknown }
  >({ step: 'idle' });
  const confirmButton = useRef<HTMLButtonElement>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (state.step === 'confirming') confirmButton.current?.focus();
    if (state.step === 'idle' && returnFocus.current) rotateButton.current?.focus();
    returnFocus.current = false;
  }, [state.step]);

  const rotate = async () => {
    setState({ step: 'rotating' });
    try {
      const rotated = await rotateSecret();
      setState({ step: 'shown', secret: rotated.signingSecret, until: rotated.previousValidUntil });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };
  const until = state.step === 'shown' && state.until !== '' ? formatDateTime(state.until) : null;

  return (
    <section class="form-section" aria-labelledby="section-signing">
      <h2 id="section-signing">Signing secret</h2>
      <p class="section-intro">{intro}</p>
      {state.step === 'failed' && <ErrorAlert error={state.error} />}
      {state.step === 'shown' ? (
        <SecretPanel
          title="New signing secret"
          secret={state.secret}
          onDismiss={() => {
            returnFocus.current = true;
            setState({ step: 'idle' });
          }}
        >
          {until && (
            <p>The previous secret keeps signing until {until}, so you have time to deploy this one.</p>
          )}
        </SecretPanel>
      ) : state.step === 'confirming' ? (
        <div class="confirm-box">
          <p id="rotate-question">
            Issue a new signing secret? The current one keeps signing for 24 hours, then stops.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button button-primary"
              ref={confirmButton}
              aria-describedby="rotate-question"
              onClick={rotate}
            >
              Rotate the secret
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                returnFocus.current = true;
                setState({ step: 'idle' });
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button button-secondary"
          ref={rotateButton}
          disabled={state.step === 'rotating'}
          onClick={() => setState({ step: 'confirming' })}
        >
          {state.step === 'rotating' ? 'Rotating…' : 'Rotate signing secret'}
        </button>
      )}
    </section>
  );
}
