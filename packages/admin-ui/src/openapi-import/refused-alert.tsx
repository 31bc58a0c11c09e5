import { useLayoutEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import { asSentence } from '../components/field-text';
import type { PlacedError } from './import-errors';

function titleOf(error: unknown, placed: PlacedError): string {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') {
    return placed.step === 'source' ? 'The document could not be read' : 'The import was refused';
  }
  if ('url' in placed.fields) return 'The URL was refused';
  if ('document' in placed.fields) return 'The document could not be read';
  return 'The server refused the import';
}

/**
 * What the server refused and why, each issue on its own line; it takes focus so that it is
 * announced and seen, on whichever step it was placed.
 */
export function RefusedAlert({ error, placed }: { error: unknown; placed: PlacedError }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => box.current?.focus(), [error]);
  const validation = error instanceof ApiError && error.code === 'validation_failed';
  return (
    <div class="alert alert-error import-refused" role="alert" tabIndex={-1} ref={box}>
      <h2 class="alert-title">{titleOf(error, placed)}</h2>
      {validation ? (
        <ul>
          {placed.issues.map((issue) => (
            <li key={issue}>{asSentence(issue)}</li>
          ))}
        </ul>
      ) : (
        <p>{describeError(error)}</p>
      )}
    </div>
  );
}
