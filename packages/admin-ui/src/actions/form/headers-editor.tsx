import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fieldId } from '../../components/field-text';
import { FieldErrors, InputField } from '../../components/fields';
import type { HeaderDraft } from '../action-draft';
import { headerPath } from '../draft-values';
import { nextKey, type SectionProps } from './section-props';

/** The masked stand-in for a stored secret: its value is never sent to the browser. */
export const MASK = '••••••••';

function StoredHeader({
  header,
  messages,
  onChange,
}: {
  header: Extract<HeaderDraft, { kind: 'stored' }>;
  messages: SectionProps['messages'];
  onChange: (header: HeaderDraft) => void;
}) {
  const valueId = fieldId(headerPath(header.key, 'value'));
  const nameErrors = messages[headerPath(header.key, 'name')];
  return (
    <div class="secret-row">
      <div class="secret-line">
        <code class="secret-name">{header.name}</code>
        {header.change === 'keep' && (
          <span class="secret-value">
            <span aria-hidden="true">{MASK}</span>
            <span class="visually-hidden">value set, hidden</span>
          </span>
        )}
        {header.change === 'remove' && <span class="secret-removed">Removed when you save</span>}
        <span class="secret-actions">
          {header.change === 'keep' ? (
            <>
              <button
                type="button"
                class="button button-secondary button-small"
                aria-label={`Replace the value of ${header.name}`}
                onClick={() => onChange({ ...header, change: 'replace', value: '' })}
              >
                Replace
              </button>
              <button
                type="button"
                class="button button-secondary button-small"
                aria-label={`Remove header ${header.name}`}
                onClick={() => onChange({ ...header, change: 'remove', value: '' })}
              >
                Remove
              </button>
            </>
          ) : (
            <button
              type="button"
              class="button button-secondary button-small"
              aria-label={`Keep the saved value of ${header.name}`}
              onClick={() => onChange({ ...header, change: 'keep', value: '' })}
            >
              {header.change === 'remove' ? 'Undo' : 'Keep saved value'}
            </button>
          )}
        </span>
      </div>
      <FieldErrors id={fieldId(headerPath(header.key, 'name'))} errors={nameErrors} />
      {header.change === 'replace' && (
        <InputField
          id={valueId}
          label={`New value for ${header.name}`}
          type="password"
          autocomplete="new-password"
          mono
          value={header.value}
          onValue={(value) => onChange({ ...header, value })}
          errors={messages[headerPath(header.key, 'value')]}
        />
      )}
    </div>
  );
}

/**
 * Custom headers. Values are secrets: once saved they show as set and masked, and can only be
 * replaced or removed.
 */
export function HeadersEditor({ draft, change, messages }: SectionProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const focusTarget = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (focusKey !== null) focusTarget.current?.focus();
  }, [focusKey]);

  const update = (index: number, header: HeaderDraft) =>
    change({ headers: draft.headers.map((current, at) => (at === index ? header : current)) });
  const remove = (index: number) => {
    change({ headers: draft.headers.filter((_, at) => at !== index) });
    addButton.current?.focus();
  };
  const add = () => {
    const key = nextKey('header');
    change({ headers: [...draft.headers, { key, kind: 'new', name: '', value: '' }] });
    setFocusKey(key);
  };

  return (
    <div class="subsection">
      <h3>Headers</h3>
      <p class="field-hint">
        Sent with every call. Values are secrets: after saving they are never shown again, only replaced or
        removed.
      </p>
      <FieldErrors id={fieldId('/headers')} errors={messages['/headers']} />
      {draft.headers.map((header, index) =>
        header.kind === 'stored' ? (
          <StoredHeader
            key={header.key}
            header={header}
            messages={messages}
            onChange={(next) => update(index, next)}
          />
        ) : (
          <div class="secret-row new-header" key={header.key}>
            <InputField
              id={fieldId(headerPath(header.key, 'name'))}
              label={`Header ${index + 1} name`}
              mono
              value={header.name}
              onValue={(name) => update(index, { ...header, name })}
              errors={messages[headerPath(header.key, 'name')]}
              placeholder="e.g. X-Api-Key"
              inputRef={header.key === focusKey ? focusTarget : undefined}
            />
            <InputField
              id={fieldId(headerPath(header.key, 'value'))}
              label={`Header ${index + 1} value`}
              type="password"
              autocomplete="new-password"
              mono
              value={header.value}
              onValue={(value) => update(index, { ...header, value })}
              errors={messages[headerPath(header.key, 'value')]}
            />
            <button
              type="button"
              class="button button-secondary button-small"
              aria-label={`Remove header ${index + 1}${header.name === '' ? '' : ` (${header.name})`}`}
              onClick={() => remove(index)}
            >
              Remove
            </button>
          </div>
        ),
      )}
      <button type="button" class="button button-secondary" ref={addButton} onClick={add}>
        Add header
      </button>
    </div>
  );
}
