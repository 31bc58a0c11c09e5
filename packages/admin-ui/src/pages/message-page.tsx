import type { ComponentChildren } from 'preact';
import { PageTitle } from '../components/page-title';
import { Link } from '../router/link';

/** A page that only says something: not found, not allowed, nothing to show. */
export function MessagePage({
  title,
  children,
  homePath,
}: {
  title: string;
  children: ComponentChildren;
  homePath?: string | null;
}) {
  return (
    <>
      <PageTitle title={title} />
      <div class="empty-state">
        {children}
        {homePath && (
          <p>
            <Link href={homePath}>Go to the first page you can use</Link>
          </p>
        )}
      </div>
    </>
  );
}
