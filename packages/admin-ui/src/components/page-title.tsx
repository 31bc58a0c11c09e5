import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * The page's `<h1>` and the document title. The heading takes focus after a navigation (see
 * AppLayout), so screen readers announce the new page.
 */
export function PageTitle({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Toolgate`;
  }, [title]);
  return (
    <div class="page-title">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}
