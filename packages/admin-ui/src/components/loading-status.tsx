/** A polite, announced "loading" line. */
export function LoadingStatus({ label }: { label: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
