import { prettyJson } from '../actions/json-values';
import { CodeBlock, HeaderList } from '../actions/test-console/test-outcome-view';
import { formatDuration, prettyBody, statusTone } from '../actions/test-console/test-result';
import { DateTime } from '../components/date-time';
import { Link } from '../router/link';
import { conversationCallsPath } from './call-filters';
import { type CallRecord, triggerLabel } from './call-record';
import { OutcomeBadge } from './calls-table';
import { testConsoleHref } from './console-prefill';

function Summary({ call }: { call: CallRecord }) {
  const conversationLog = call.conversationId ? conversationCallsPath(call.conversationId) : null;
  return (
    <dl class="summary-list" aria-label="Summary">
      <div>
        <dt>Action</dt>
        <dd>
          {call.actionId ? (
            <Link href={`/actions/${encodeURIComponent(call.actionId)}`}>
              <code>{call.actionName}</code>
            </Link>
          ) : (
            <code>{call.actionName}</code>
          )}
        </dd>
      </div>
      <div>
        <dt>Outcome</dt>
        <dd>
          <OutcomeBadge call={call} />
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{call.status ?? 'No response'}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatDuration(call.durationMs)}</dd>
      </div>
      <div>
        <dt>Trigger</dt>
        <dd>{triggerLabel(call.trigger)}</dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd>
          <DateTime iso={call.createdAt} />
        </dd>
      </div>
      <div>
        <dt>Conversation</dt>
        <dd class="break-anywhere">
          {conversationLog ? (
            <>
              <code>{call.conversationId}</code>{' '}
              <Link href={conversationLog}>All calls of this conversation</Link>
            </>
          ) : (
            'None'
          )}
        </dd>
      </div>
      {call.contactId && (
        <div>
          <dt>Contact</dt>
          <dd class="break-anywhere">
            <code>{call.contactId}</code>
          </dd>
        </div>
      )}
      <div>
        <dt>Call id</dt>
        <dd class="break-anywhere">
          <code>{call.id}</code>
        </dd>
      </div>
    </dl>
  );
}

function RequestPart({ call }: { call: CallRecord }) {
  const { request } = call;
  return (
    <section class="outcome-part" aria-labelledby="call-request">
      <h2 id="call-request">Request as sent</h2>
      {request === null ? (
        <p>No request was built: the arguments were refused before anything was sent.</p>
      ) : (
        <>
          <p class="request-line">
            <code>
              {request.method} {request.url}
            </code>
          </p>
          <h3>Headers</h3>
          <p class="field-hint">Secret values are shown as [redacted].</p>
          <HeaderList headers={request.headers} label="Request headers" />
          <h3>Body</h3>
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

function ResponsePart({ call }: { call: CallRecord }) {
  const { response } = call;
  return (
    <section class="outcome-part" aria-labelledby="call-response">
      <h2 id="call-response">Response</h2>
      {response === null ? (
        <p>
          No response came back{call.failureKind ? ` (${call.failureKind})` : ''} after{' '}
          {formatDuration(call.durationMs)}.
        </p>
      ) : (
        <>
          <p class="response-line">
            {call.status !== null && (
              <span class={`badge status-${statusTone(call.status)}`}>Status {call.status}</span>
            )}
            <span> in {formatDuration(call.durationMs)}</span>
          </p>
          <h3>Headers</h3>
          <HeaderList headers={response.headers} label="Response headers" />
          <h3>Body</h3>
          {response.truncated && (
            <p class="field-hint">
              Truncated: the log keeps the first 2 KB of the body, and this one was longer.
            </p>
          )}
          {response.bodyPreview === '' ? (
            <p class="field-hint">Empty body.</p>
          ) : (
            <CodeBlock text={prettyBody(response.bodyPreview)} />
          )}
        </>
      )}
    </section>
  );
}

/** A call of the log: summary, "Open in test console", the request, the response and the model's view. */
export function CallDetailView({ call, canTest }: { call: CallRecord; canTest: boolean }) {
  const consoleHref = canTest ? testConsoleHref(call) : null;
  return (
    <>
      <Summary call={call} />
      {consoleHref && (
        <p class="button-row">
          <Link href={consoleHref} class="button button-primary">
            Open in test console
          </Link>
        </p>
      )}
      <RequestPart call={call} />
      <ResponsePart call={call} />
      <section class="outcome-part" aria-labelledby="call-result">
        <h2 id="call-result">Result as the model sees it</h2>
        <p class="field-hint">
          The normalized result Toolgate handed the model (in a conversation, only the response fields the
          action allows).
        </p>
        <CodeBlock text={prettyJson(call.result)} />
      </section>
    </>
  );
}
