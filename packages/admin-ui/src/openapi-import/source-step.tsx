import type { JSX } from 'preact';
import { FieldErrors, InputField, TextAreaField } from '../components/fields';
import type { SourceMode } from './import-source';
import type { ImportWizard } from './use-import-wizard';

const MODES: readonly { mode: SourceMode; label: string; hint: string }[] = [
  { mode: 'file', label: 'Upload a file', hint: 'A JSON or YAML file from your computer.' },
  { mode: 'paste', label: 'Paste the document', hint: 'JSON or YAML text.' },
  {
    mode: 'url',
    label: 'Enter a URL',
    hint: 'The server fetches it: https only, public addresses only, no redirects, up to 5 MB.',
  },
];

/** Step 1: the OpenAPI 3.0/3.1 or Swagger 2.0 document, from a file, pasted, or by URL. */
export function SourceStep({ wizard }: { wizard: ImportWizard }) {
  const { source, problems, refused } = wizard;
  const serverSays = refused?.placed.step === 'source' ? refused.placed.fields : {};
  const onFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) {
      wizard.setSource({ text: '', fileName: '' });
      return;
    }
    wizard.setSource({ text: await file.text(), fileName: file.name });
  };
  const documentError = problems[source.mode] ?? (source.mode === 'url' ? undefined : serverSays.document);
  return (
    <form
      class="form-section import-step"
      aria-labelledby="import-source-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void wizard.readDocument();
      }}
    >
      <h2 id="import-source-title">The OpenAPI document</h2>
      <p class="section-intro">
        OpenAPI 3.0, 3.1 or Swagger 2.0. Nothing is created yet: the next step lists every operation and
        whether it can become an action.
      </p>
      <fieldset class="field choice-group">
        <legend>Where is it?</legend>
        {MODES.map(({ mode, label, hint }) => (
          <div class="checkbox-line" key={mode}>
            <input
              id={`import-mode-${mode}`}
              type="radio"
              name="import-mode"
              checked={source.mode === mode}
              onChange={() =>
                wizard.setSource(mode === 'file' && !source.fileName ? { mode, text: '' } : { mode })
              }
            />
            <label for={`import-mode-${mode}`}>
              {label}
              <span class="choice-hint">{hint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {source.mode === 'file' && (
        <div class="field">
          <label for="import-file">Document file</label>
          <input
            id="import-file"
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            aria-invalid={documentError ? 'true' : undefined}
            aria-describedby={documentError ? 'import-file-error' : undefined}
            onChange={(event) => void onFile(event)}
          />
          <FieldErrors id="import-file" errors={documentError ? [documentError] : undefined} />
          {source.fileName && source.text && (
            <p class="field-hint">
              Read <code>{source.fileName}</code> ({Math.max(1, Math.round(source.text.length / 1024))} KB).
            </p>
          )}
        </div>
      )}
      {source.mode === 'paste' && (
        <TextAreaField
          id="import-paste"
          label="Document (JSON or YAML)"
          rows={12}
          mono
          value={source.text}
          onValue={(text) => wizard.setSource({ text, fileName: '' })}
          errors={documentError ? [documentError] : undefined}
        />
      )}
      {source.mode === 'url' && (
        <InputField
          id="import-url"
          label="Document URL"
          type="url"
          mono
          placeholder="https://api.example.com/openapi.json"
          value={source.url}
          onValue={(url) => wizard.setSource({ url })}
          errors={(problems.url ?? serverSays.url) ? [problems.url ?? serverSays.url ?? ''] : undefined}
          hint="Relative server URLs in the document are read against this URL."
        />
      )}
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={wizard.busy !== null}>
          {wizard.busy === 'preview' ? 'Reading the document…' : 'Read the document'}
        </button>
      </div>
    </form>
  );
}
