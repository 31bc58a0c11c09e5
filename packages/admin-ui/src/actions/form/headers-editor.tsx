import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fieldId } from '../../components/field-text';
import { FieldErrors, InputField } from '../../components/fields';
import type { HeaderDraft } from '../action-draft';
import { headerPath } from '../draft-values';
import { nextKey, type SectionProps } from './section-props';

/** The masked stand-in for a stored secret: its value is never sent to the browser. */
export const MASK = '••••••••';

/** What a list of write-only name/value rows is called and where its errors go. */
interface SecretRows {
  noun: string;
  pathOf: (key: string, field: 'name' | 'value') => string;
}

function StoredHeader({
  header,
  messages,
  onChange,
  rows,
}: {
  header: Extract<HeaderDraft, { kind: 'stored' }>;
  messages: SectionProps['messages'];
  onChange: (header: HeaderDraft) => void;
  rows: SecretRows;
}) {
  const headerPath = rows.pathOf;
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
                aria-label={`Remove ${rows.noun} ${header.name}`}
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
 * Write-only name/value rows (headers, a code action's credentials): once saved a value shows as
 * set and masked, and can only be replaced or removed.
 */
export function SecretRowsEditor({
  rows,
  list,
  onList,
  messages,
  title,
  hint,
  listPath,
  placeholder,
}: {
  rows: SecretRows;
  list: HeaderDraft[];
  onList: (list: HeaderDraft[]) => void;
  messages: SectionProps['messages'];
  title: string;
  hint: string;
  listPath: string;
  placeholder: string;
}) {
  const headerPath = rows.pathOf;
  const noun = rows.noun;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const focusTarget = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (focusKey !== null) focusTarget.current?.focus();
  }, [focusKey]);

  const update = (index: number, header: HeaderDraft) =>
    onList(list.map((current, at) => (at === index ? header : current)));
  const remove = (index: number) => {
    onList(list.filter((_, at) => at !== index));
    addButton.current?.focus();
  };
  const add = () => {
    const key = nextKey(noun);
    onList([...list, { key, kind: 'new', name: '', value: '' }]);
    setFocusKey(key);
  };

  return (
    <div class="subsection">
      <h3>{title}</h3>
      <p class="field-hint">{hint}</p>
      <FieldErrors id={fieldId(listPath)} errors={messages[listPath]} />
      {list.map((header, index) =>
        header.kind === 'stored' ? (
          <StoredHeader
            key={header.key}
            header={header}
            messages={messages}
            onChange={(next) => update(index, next)}
            rows={rows}
          />
        ) : (
          <div class="secret-row new-header" key={header.key}>
            <InputField
              id={fieldId(headerPath(header.key, 'name'))}
              label={`${Noun} ${index + 1} name`}
              mono
              value={header.name}
              onValue={(name) => update(index, { ...header, name })}
              errors={messages[headerPath(header.key, 'name')]}
              placeholder={placeholder}
              inputRef={header.key === focusKey ? focusTarget : undefined}
            />
            <InputField
              id={fieldId(headerPath(header.key, 'value'))}
              label={`${Noun} ${index + 1} value`}
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
              aria-label={`Remove ${noun} ${index + 1}${header.name === '' ? '' : ` (${header.name})`}`}
              onClick={() => remove(index)}
            >
              Remove
            </button>
          </div>
        ),
      )}
      <button type="button" class="button button-secondary" ref={addButton} onClick={add}>
        Add {noun}
      </button>
    </div>
  );
}

/** Custom headers: sent with every call; values are secrets. */
export function HeadersEditor({ draft, change, messages }: SectionProps) {
  return (
    <SecretRowsEditor
      rows={{ noun: 'header', pathOf: headerPath }}
      list={draft.headers}
      onList={(headers) => change({ headers })}
      messages={messages}
      title="Headers"
      hint="Sent with every call. Values are secrets: after saving they are never shown again, only replaced or removed."
      listPath="/headers"
      placeholder="e.g. X-Api-Key"
    />
  );
}
