import { fieldId } from '../../components/field-text';
import { TextAreaField } from '../../components/fields';
import { credentialPath } from '../draft-values';
import { SecretRowsEditor } from './headers-editor';
import type { SectionProps } from './section-props';

const EXAMPLE = `async function handler({ parameters, context }) {
  const response = await fetch('https://api.example.com/stock/' + parameters.sku, {
    headers: { Authorization: 'Bearer ' + secret('api_token') },
  });
  const body = await response.json();
  return { inStock: body.in_stock };
}`;

/** A code action: JavaScript run in a sandbox instead of one request, and its credentials. */
export function CodeSection({ draft, change, messages }: SectionProps) {
  return (
    <section class="form-section" aria-labelledby="section-code">
      <h2 id="section-code">Code (optional)</h2>
      <TextAreaField
        id={fieldId('/code/source')}
        label="JavaScript"
        rows={12}
        mono
        value={draft.codeSource}
        onValue={(codeSource) => change({ codeSource })}
        errors={[...(messages['/code'] ?? []), ...(messages['/code/source'] ?? [])]}
        placeholder={EXAMPLE}
        hint={
          <p>
            Leave empty to send one request to the URL. With code, <code>handler</code> runs in a sandbox on
            every call and what it returns is the answer; its <code>fetch</code> goes through the same
            outbound checks, and <code>secret(name)</code> puts a credential into a request without the code
            ever reading it. Syntax errors are shown when you save; the test console shows each request the
            code makes.
          </p>
        }
      />
      <SecretRowsEditor
        rows={{ noun: 'credential', pathOf: credentialPath }}
        list={draft.codeCredentials}
        onList={(codeCredentials) => change({ codeCredentials })}
        messages={messages}
        title="Credentials"
        hint="Named secrets the code uses as secret(name). Write-only: after saving they are never shown again."
        listPath="/code/credentials"
        placeholder="e.g. api_token"
      />
    </section>
  );
}
