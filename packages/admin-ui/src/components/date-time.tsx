import { formatDateTime } from './date-time-format';

/**
 * A time as every page shows it: `formatDateTime` in the reader's locale and time zone, the ISO
 * instant in `dateTime` and as the tooltip. Without a time: `none` ("Never", "Unknown"), quietly.
 */
export function DateTime({ iso, none = '' }: { iso: string | null | undefined; none?: string }) {
  if (iso === null || iso === undefined || iso === '') {
    return none === '' ? null : <span class="secondary-text-inline">{none}</span>;
  }
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
}
