import { fieldId } from '../../components/field-text';
import { CheckboxField, TextAreaField } from '../../components/fields';
import { AuthEditor } from './auth-editor';
import { HeadersEditor } from './headers-editor';
import type { SectionProps } from './section-props';

/** Custom headers, authentication and the signature headers: the write-only parts of an action. */
export function SecretsSection(props: SectionProps) {
  const { draft, change, messages } = props;
  return (
    <section class="form-section" aria-labelledby="section-secrets">
      <h2 id="section-secrets">Headers and authentication</h2>
      <HeadersEditor {...props} />
      <AuthEditor {...props} />
      <CheckboxField
        id={fieldId('/signing/hexSignatureHeader')}
        label="Also send X-Toolgate-Signature: sha256=<hex>"
        checked={draft.hexSignatureHeader}
        onChecked={(hexSignatureHeader) => change({ hexSignatureHeader })}
        errors={[...(messages['/signing'] ?? []), ...(messages['/signing/hexSignatureHeader'] ?? [])]}
        hint="Every request carries the Standard Webhooks signature headers; this adds a hex HMAC for endpoints that expect one."
      />
    </section>
  );
}

/** The request body template and redirects. */
export function AdvancedSection({ draft, change, messages }: SectionProps) {
  const bodyless = draft.method === 'GET' || draft.method === 'DELETE';
  return (
    <section class="form-section" aria-labelledby="section-advanced">
      <h2 id="section-advanced">Advanced</h2>
      <TextAreaField
        id={fieldId('/bodyTemplate')}
        label="Body template (JSON)"
        rows={6}
        mono
        value={draft.bodyTemplate}
        onValue={(bodyTemplate) => change({ bodyTemplate })}
        errors={messages['/bodyTemplate']}
        placeholder={'e.g. {\n  "order": "{{parameters.order_number}}",\n  "call": "{{context.call_id}}"\n}'}
        hint={
          <p>
            Sent instead of the standard envelope <code>{'{action, parameters, context}'}</code>; empty for
            the envelope. <code>{'{{parameters.x}}'}</code> and <code>{'{{context.x}}'}</code> are replaced by
            values.
            {bodyless && ` ${draft.method} sends no body: leave this empty.`}
          </p>
        }
      />
      <CheckboxField
        id={fieldId('/followRedirects')}
        label="Follow redirects (up to 3, each checked again)"
        checked={draft.followRedirects}
        onChecked={(followRedirects) => change({ followRedirects })}
        errors={messages['/followRedirects']}
      />
    </section>
  );
}
