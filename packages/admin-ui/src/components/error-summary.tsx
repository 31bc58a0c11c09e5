import type { JSX, Ref } from 'preact';
import { asSentence, fieldId } from './field-text';

/** One field's problems, for the summary: where to jump and what to say. */
export interface SummaryEntry {
  control: string;
  label: string;
  messages: string[];
}

/** The summary above the form after a failed save; it takes focus so the failure is announced. */
export function ErrorSummary({
  messages,
  entries,
  summaryRef,
  reveal,
}: {
  messages: readonly string[];
  entries: readonly SummaryEntry[];
  summaryRef: Ref<HTMLDivElement>;
  /** For a control that is not on screen (another section of the page): show it, then focus it. */
  reveal?: (control: string) => void;
}) {
  if (messages.length === 0) return null;
  const jump = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>, control: string) => {
    const target = document.getElementById(fieldId(control));
    if (target === null) {
      if (reveal === undefined) return;
      event.preventDefault();
      reveal(control);
      return;
    }
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef}>
      {messages.map((message) => (
        <p key={message}>{asSentence(message)}</p>
      ))}
      {entries.length > 0 && (
        <>
          <p>Nothing you typed is lost. Change {entries.length === 1 ? 'this field' : 'these fields'}:</p>
          <ul class="error-links">
            {entries.map((entry) => (
              <li key={entry.control}>
                <a href={`#${fieldId(entry.control)}`} onClick={(event) => jump(event, entry.control)}>
                  {entry.label}
                </a>
                : {entry.messages.map(asSentence).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
