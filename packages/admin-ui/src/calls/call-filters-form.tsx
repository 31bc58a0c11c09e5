import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { InputField, SelectField } from '../components/fields';
import {
  type CallFilters,
  type DraftResult,
  draftFromFilters,
  type FilterDraft,
  type FilterField,
  filtersFromDraft,
  hasFilters,
} from './call-filters';
import { CALL_TRIGGERS, type CallOutcome, type CallTrigger } from './call-record';

const OUTCOMES: readonly { value: '' | CallOutcome; label: string }[] = [
  { value: '', label: 'Any outcome' },
  { value: 'ok', label: 'OK' },
  { value: 'failed', label: 'Failed' },
];

const TRIGGERS: readonly { value: '' | CallTrigger; label: string }[] = [
  { value: '', label: 'Any trigger' },
  ...CALL_TRIGGERS,
];

/** The browser's time zone, for the hint under the time fields. */
function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local time';
}

interface CallFiltersFormProps {
  filters: CallFilters;
  /** The server's issues with the filters (422), by field. */
  serverErrors: Partial<Record<FilterField, string[]>>;
  onApply: (filters: CallFilters) => void;
  onClear: () => void;
}

/**
 * The log's filters: action, outcome, trigger, conversation and a time range. "Apply filters"
 * puts them in the page's URL (which loads the list); the form shows what the URL says.
 */
export function CallFiltersForm({ filters, serverErrors, onApply, onClear }: CallFiltersFormProps) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilters(filters));
  const [errors, setErrors] = useState<Extract<DraftResult, { ok: false }>['errors']>({});
  // The URL changed (applied, cleared, back button): show its filters.
  useEffect(() => {
    setDraft(draftFromFilters(filters));
    setErrors({});
  }, [filters]);

  const set =
    <K extends FilterField>(name: K) =>
    (value: FilterDraft[K]) =>
      setDraft((current) => ({ ...current, [name]: value }));
  const shown = (name: FilterField) => errors[name] ?? serverErrors[name];

  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = filtersFromDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(result.filters);
  };

  const zone = `In your time zone (${timeZone()}).`;
  return (
    <section class="filters" aria-labelledby="calls-filters">
      <h2 id="calls-filters" class="visually-hidden">
        Filters
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <div class="filter-grid">
          <InputField
            id="filter-action"
            label="Action"
            value={draft.action}
            onValue={set('action')}
            hint="A name or an id."
            errors={shown('action')}
          />
          <SelectField
            id="filter-outcome"
            label="Outcome"
            value={draft.outcome}
            options={OUTCOMES}
            onValue={set('outcome')}
          />
          <SelectField
            id="filter-trigger"
            label="Trigger"
            value={draft.trigger}
            options={TRIGGERS}
            onValue={set('trigger')}
          />
          <InputField
            id="filter-conversation"
            label="Conversation"
            value={draft.conversation}
            onValue={set('conversation')}
            hint="A conversation id."
            mono
            errors={shown('conversation')}
          />
          <InputField
            id="filter-from"
            label="From"
            type="datetime-local"
            value={draft.from}
            onValue={set('from')}
            hint={zone}
            errors={shown('from')}
          />
          <InputField
            id="filter-to"
            label="To"
            type="datetime-local"
            value={draft.to}
            onValue={set('to')}
            hint={zone}
            errors={shown('to')}
          />
        </div>
        <div class="button-row">
          <button type="submit" class="button button-primary">
            Apply filters
          </button>
          {hasFilters(filters) && (
            <button type="button" class="button button-secondary" onClick={onClear}>
              Clear filters
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
