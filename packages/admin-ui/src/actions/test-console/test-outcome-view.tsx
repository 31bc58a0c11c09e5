import type { Ref } from 'preact';
import { prettyJson } from '../json-values';
import {
  type CodeRun,
  formatDuration,
  prettyBody,
  type SentRequest,
  statusTone,
  type TestOutcome,
  type TestResponse,
} from './test-result';

/** Headers as a description list, or "No headers.". */
export function HeaderList({ headers, label }: { headers: Record<string, string>; label: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p class="field-hint">No headers.</p>;
  return (
    <dl class="header-list" aria-label={label}>
      {entries.map(([name, value]) => (
        <div class="header-entry" key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Preformatted text (a body, a JSON value). */
export function CodeBlock({ text }: { text: string }) {
  return (
    <pre class="code-block">
      <code>{text}</code>
    </pre>
  );
}

function RequestView({ request, live }: { request: SentRequest | null; live: boolean }) {
  return (
    <section class="outcome-part" aria-labelledby="outcome-request">
      <h3 id="outcome-request">{live ? 'Request as sent' : 'Request that would be sent'}</h3>
      {request === null ? (
        <p>No request was built.</p>
      ) : (
        <>
          <p class="request-line">
            <code>
              {request.method} {request.url}
            </code>
          </p>
          <h4>Headers</h4>
          <p class="field-hint">Secret values are shown as [redacted].</p>
          <HeaderList headers={request.headers} label="Request headers" />
          <h4>Body</h4>
          {request.body === undefined || request.body === '' ? (
            <p class="field-hint">No body.</p>
          ) : (
            <CodeBlock text={prettyBody(request.body)} />
          )}
        </>
      )}
    </section>
  );
}

function ResponseView({
  response,
  durationMs,
}: {
  response: TestResponse | null;
  durationMs?: number | undefined;
}) {
  return (
    <section class="outcome-part" aria-labelledby="outcome-response">
      <h3 id="outcome-response">Response</h3>
      {response === null ? (
        <p>
          No response came back{durationMs === undefined ? '' : ` (after ${formatDuration(durationMs)})`}. The
          result below says why.
        </p>
      ) : (
        <>
          <p class="response-line">
            <span class={`badge status-${statusTone(response.status)}`}>Status {response.status}</span>
            {durationMs !== undefined && <span> in {formatDuration(durationMs)}</span>}
          </p>
          <h4>Headers</h4>
          <HeaderList headers={response.headers} label="Response headers" />
          <h4>Body</h4>
          {response.truncated && (
            <p class="field-hint">The first 500 characters; the execution log keeps more.</p>
          )}
          {response.body === '' ? (
            <p class="field-hint">Empty body.</p>
          ) : (
            <CodeBlock text={prettyBody(response.body)} />
          )}
        </>
      )}
    </section>
  );
}

/** A code action's requests, in order, and what it logged. */
function CodeRunView({ run }: { run: CodeRun }) {
  return (
    <section class="outcome-part" aria-labelledby="outcome-code">
      <h3 id="outcome-code">Requests the code made</h3>
      {run.requests.length === 0 ? (
        <p>None.</p>
      ) : (
        <ol class="code-requests">
          {run.requests.map((request, index) => (
            <li key={`${index}-${request.url}`}>
              <code>
                {request.method} {request.url}
              </code>{' '}
              {request.status === null
                ? `failed: ${request.error ?? 'no answer'}`
                : `answered ${request.status}`}{' '}
              <span class="secondary-text">({request.durationMs} ms)</span>
            </li>
          ))}
        </ol>
      )}
      {run.logs.length > 0 && (
        <>
          <h4>console.log</h4>
          <CodeBlock text={run.logs.join('\n')} />
        </>
      )}
    </section>
  );
}

/** What a test gave back: the request, and for a live test the response and the model's view. */
export function TestOutcomeView({
  outcome,
  headingRef,
}: {
  outcome: TestOutcome;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const live = outcome.mode === 'live';
  return (
    <div class="test-outcome">
      <h3 class="outcome-title" tabIndex={-1} ref={headingRef}>
        {live ? 'Live test result' : 'Dry run: nothing was sent'}
        {outcome.callId !== '' && <span class="secondary-text">Call {outcome.callId}</span>}
      </h3>
      <RequestView request={outcome.request} live={live} />
      {live && <ResponseView response={outcome.response ?? null} durationMs={outcome.durationMs} />}
      {live && outcome.code && <CodeRunView run={outcome.code} />}
      {live && outcome.result !== undefined && (
        <section class="outcome-part" aria-labelledby="outcome-result">
          <h3 id="outcome-result">As the model sees it</h3>
          <p class="field-hint">
            The normalized result Toolgate hands the model. In a conversation, only the response fields listed
            in the form reach it, when any are listed.
          </p>
          <CodeBlock text={prettyJson(outcome.result)} />
        </section>
      )}
    </div>
  );
}
