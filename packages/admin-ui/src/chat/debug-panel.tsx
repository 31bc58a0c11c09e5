import type { DebugTurn } from './chat-state';
import { type DebugStepView, debugStepView, type Fact } from './debug-view';

function FactList({ facts, label }: { facts: readonly Fact[]; label: string }) {
  if (facts.length === 0) return null;
  return (
    <dl class="debug-facts" aria-label={label}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>
            <code>{fact.value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function StepView({ view }: { view: DebugStepView }) {
  return (
    <div class="debug-step">
      <h4>
        {view.title}: {view.summary}
      </h4>
      {view.scores.length > 0 && (
        <table class="data-table debug-table">
          <caption>Intent scores</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Score</th>
              <th scope="col">Matched words</th>
              <th scope="col">Eligible</th>
            </tr>
          </thead>
          <tbody>
            {view.scores.map((row) => (
              <tr key={row.name} class={row.chosen ? 'debug-chosen' : undefined}>
                <th scope="row" data-label="Action">
                  <span>
                    <code>{row.name}</code>
                    {row.chosen && <span class="badge status-ok">chosen</span>}
                  </span>
                </th>
                <td data-label="Score">{row.score}</td>
                <td data-label="Matched words">{row.matched || '—'}</td>
                <td data-label="Eligible">
                  {row.eligible ? 'Yes' : `No: needs ${row.missing.join(', ') || 'more'}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.extracted.length > 0 && (
        <table class="data-table debug-table">
          <caption>Extracted values</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
              <th scope="col">From the text</th>
              <th scope="col">How</th>
            </tr>
          </thead>
          <tbody>
            {view.extracted.map((row, index) => (
              <tr key={`${row.parameter}-${index}`}>
                <th scope="row" data-label="Parameter">
                  <code>{row.parameter}</code>
                </th>
                <td data-label="Value">
                  <code>{row.value}</code>
                </td>
                <td data-label="From the text">{row.matched ? `“${row.matched}”` : '—'}</td>
                <td data-label="How">{row.kind || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FactList facts={view.values} label="Values so far" />
      <FactList facts={view.facts} label="Details" />
    </div>
  );
}

/**
 * How the agent decided, per turn (newest first): the embedded agent's intent scores and the values
 * it extracted, or an LLM's provider, finish reason and tokens. Shown to operators with
 * `conversations:read`, who get `debug` events.
 */
export function DebugPanel({ turns }: { turns: readonly DebugTurn[] }) {
  return (
    <section class="debug-panel" aria-labelledby="debug-heading">
      <h2 id="debug-heading">Debug</h2>
      {turns.length === 0 ? (
        <p class="field-hint">
          Send a message to see how the agent decides: its scores and the values it extracted.
        </p>
      ) : (
        [...turns].reverse().map((turn) => (
          <section key={turn.turn} class="debug-turn" aria-labelledby={`debug-turn-${turn.turn}`}>
            <h3 id={`debug-turn-${turn.turn}`}>
              Turn {turn.turn}: “{turn.text}”
            </h3>
            {turn.steps.length === 0 ? (
              <p class="field-hint">
                No model step reported in this turn (an answer to a confirmation, for example).
              </p>
            ) : (
              turn.steps.map((step) => (
                <StepView key={step.step} view={debugStepView(step.step, step.data)} />
              ))
            )}
          </section>
        ))
      )}
    </section>
  );
}
