import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { asSentence, fieldId } from '../../components/field-text';
import { FieldErrors, TextAreaField } from '../../components/fields';
import { Tabs } from '../../components/tabs';
import type { ParametersDraft } from '../action-draft';
import { parseJson, prettyJson } from '../json-values';
import {
  duplicateNames,
  emptyRow,
  type ParameterRow,
  rowsToSchema,
  type SchemaProblem,
  schemaToRows,
} from '../parameter-rows';
import { ParameterRowEditor } from './parameter-row-editor';
import { nextKey, type SectionProps } from './section-props';

/** Why the other tab cannot be opened, with what to change. */
interface Blocked {
  intro: string;
  problems: SchemaProblem[];
  outro: string;
}

const TABS = [
  { value: 'rows', label: 'Rows' },
  { value: 'json', label: 'JSON Schema' },
] as const;
type Tab = (typeof TABS)[number]['value'];

/** Why the JSON Schema tab's text cannot become rows, or `null` (and the rows). */
function toRows(json: string): { rows: ParametersDraft['rows']; closed: boolean } | SchemaProblem[] {
  if (json.trim() === '') return { rows: [], closed: false };
  const parsed = parseJson(json);
  if (!parsed.ok) return [{ path: '', message: parsed.message }];
  const converted = schemaToRows(parsed.value, () => nextKey('parameter'));
  return converted.ok ? converted.value : converted.problems;
}

/**
 * The parameters the agent collects: a row per parameter, or the JSON Schema itself. The two tabs
 * convert into each other; a schema the rows cannot show stays on the JSON Schema tab, with the
 * parts listed, and is saved as it is.
 */
export function ParametersSection({ draft, change, messages }: SectionProps) {
  const parameters = draft.parameters;
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const newRowName = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const setParameters = (patch: Partial<ParametersDraft>) =>
    change({ parameters: { ...parameters, ...patch } });

  useLayoutEffect(() => {
    if (focusKey !== null) newRowName.current?.focus();
  }, [focusKey]);

  const selectTab = (tab: Tab) => {
    if (tab === parameters.tab) return;
    if (tab === 'json') {
      const repeated = duplicateNames(parameters.rows);
      if (repeated.length > 0) {
        setBlocked({
          intro: 'Two rows have the same name, and a schema can hold only one of them:',
          problems: repeated.map((name) => ({ path: '', message: `"${name}" is used more than once` })),
          outro: 'Rename or remove one, then open the JSON Schema tab.',
        });
        return;
      }
      setBlocked(null);
      const schema = rowsToSchema(parameters) ?? { type: 'object', properties: {} };
      setParameters({ tab, json: prettyJson(schema) });
      return;
    }
    const converted = toRows(parameters.json);
    if (Array.isArray(converted)) {
      setBlocked({
        intro: 'The rows cannot show this schema, so it stays here as it is:',
        problems: converted,
        outro: 'Edit it here, or remove those parts to use the rows.',
      });
      return;
    }
    setBlocked(null);
    setParameters({ tab, ...converted });
  };

  const updateRow = (index: number, row: ParameterRow) =>
    setParameters({ rows: parameters.rows.map((current, at) => (at === index ? row : current)) });
  const removeRow = (index: number) => {
    setParameters({ rows: parameters.rows.filter((_, at) => at !== index) });
    addButton.current?.focus();
  };
  const addRow = () => {
    const key = nextKey('parameter');
    setParameters({ rows: [...parameters.rows, emptyRow(key)] });
    setFocusKey(key);
  };

  return (
    <section class="form-section" aria-labelledby="section-parameters">
      <h2 id="section-parameters">Parameters</h2>
      <p class="section-intro">
        What the agent must collect before calling. Each parameter becomes a question it can ask the customer.
      </p>
      <Tabs
        id="parameters"
        label="Edit parameters as"
        tabs={TABS}
        selected={parameters.tab}
        onSelect={selectTab}
      >
        {blocked !== null && (
          <div class="alert alert-error" role="alert">
            <p>{blocked.intro}</p>
            <ul>
              {blocked.problems.map((problem) => (
                <li key={`${problem.path} ${problem.message}`}>
                  {problem.path !== '' && <code>{problem.path}</code>} {asSentence(problem.message)}
                </li>
              ))}
            </ul>
            <p>{blocked.outro}</p>
          </div>
        )}
        {parameters.tab === 'rows' ? (
          <>
            {parameters.rows.length === 0 && (
              <p class="field-hint">No parameters: the action is called without any.</p>
            )}
            {parameters.rows.map((row, index) => (
              <ParameterRowEditor
                key={row.key}
                row={row}
                index={index}
                messages={messages}
                onChange={(next) => updateRow(index, next)}
                onRemove={() => removeRow(index)}
                nameRef={row.key === focusKey ? newRowName : undefined}
              />
            ))}
            <FieldErrors id={fieldId('/parameters')} errors={messages['/parameters']} />
            <button type="button" class="button button-secondary" ref={addButton} onClick={addRow}>
              Add parameter
            </button>
          </>
        ) : (
          <TextAreaField
            id={fieldId('/parameters')}
            label="Parameters as JSON Schema"
            rows={14}
            mono
            value={parameters.json}
            onValue={(json) => setParameters({ json })}
            errors={messages['/parameters']}
            hint={
              <p>
                An object of flat parameters: types string, number, integer, boolean; formats email, phone,
                date, date-time; also description, enum, pattern, minLength, maxLength, minimum, maximum,
                examples.
              </p>
            }
          />
        )}
      </Tabs>
    </section>
  );
}
