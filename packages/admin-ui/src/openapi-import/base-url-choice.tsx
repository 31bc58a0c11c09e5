import { asSentence } from '../components/field-text';
import { FieldErrors, InputField } from '../components/fields';
import { baseUrlOf, documentServer, otherServers } from './import-base-url';
import type { ImportWizard } from './use-import-wizard';

/**
 * The base URL every action is built on: the document's servers, another server it lists, or a
 * typed https URL. A choice other than the list's is applied with a new preview, so the list and
 * the diff always show what will be created.
 */
export function BaseUrlChoice({ wizard }: { wizard: ImportWizard }) {
  const { preview, base } = wizard;
  if (!preview) return null;
  const { servers } = preview.report;
  const first = documentServer(servers);
  const others = otherServers(servers);
  const unusable = servers.filter((server) => !server.usable);
  const chosen = baseUrlOf(base);
  const pending = !chosen.ok || chosen.baseUrl !== preview.baseUrl;
  const error = wizard.problems.baseUrl ?? wizard.refused?.placed.fields.baseUrl;
  const convertible = preview.rows.filter((row) => row.status !== 'refused').length;
  return (
    <fieldset class="field choice-group" aria-describedby="import-base-hint">
      <legend>Base URL</legend>
      <p id="import-base-hint" class="field-hint">
        Each action calls this URL followed by the operation's path.
      </p>
      <div class="checkbox-line">
        <input
          id="import-base-document"
          type="radio"
          name="import-base"
          checked={base.kind === 'document'}
          onChange={() => wizard.setBase({ kind: 'document' })}
        />
        <label for="import-base-document">
          The document's servers
          <span class="choice-hint">
            {first ? <code>{first.url}</code> : 'None of them can be used (see below).'}
          </span>
        </label>
      </div>
      {others.map((server) => (
        <div class="checkbox-line" key={server.url}>
          <input
            id={`import-base-${server.url}`}
            type="radio"
            name="import-base"
            checked={base.kind === 'server' && base.url === server.url}
            onChange={() => wizard.setBase({ kind: 'server', url: server.url })}
          />
          <label for={`import-base-${server.url}`}>
            <code>{server.url}</code>
          </label>
        </div>
      ))}
      <div class="checkbox-line">
        <input
          id="import-base-other"
          type="radio"
          name="import-base"
          checked={base.kind === 'other'}
          onChange={() => wizard.setBase({ kind: 'other', url: base.kind === 'other' ? base.url : '' })}
        />
        <label for="import-base-other">Another base URL</label>
      </div>
      {base.kind === 'other' && (
        <InputField
          id="import-base-url"
          label="Base URL (https)"
          type="url"
          mono
          placeholder="https://api.example.com/v1"
          value={base.url}
          onValue={(url) => wizard.setBase({ kind: 'other', url })}
          errors={error ? [error] : undefined}
        />
      )}
      {base.kind !== 'other' && <FieldErrors id="import-base" errors={error ? [error] : undefined} />}
      {unusable.length > 0 && (
        <div class="field-hint">
          <p>Servers of the document that cannot be used:</p>
          <ul>
            {unusable.map((server) => (
              <li key={server.url}>
                <code>{server.url}</code>: {asSentence(server.reason ?? 'not usable')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {pending && (
        <div class="button-row">
          <button
            type="button"
            class="button button-secondary"
            disabled={wizard.busy !== null}
            onClick={() => void wizard.applyBase()}
          >
            {wizard.busy === 'base' ? 'Making the list again…' : 'Use this base URL'}
          </button>
          <span class="field-hint">The operations and the diff are made again with it.</span>
        </div>
      )}
      <p class="form-status" role="status">
        {!pending && preview.baseUrl
          ? `The list uses ${preview.baseUrl}: ${convertible} of ${preview.rows.length} operations can become actions.`
          : ''}
      </p>
    </fieldset>
  );
}
