import { isAtOrInside } from '../api/field-errors';
import type { AppPage } from '../app-pages';
import { Link } from '../router/link';

/** The main navigation: only the pages the operator's scopes allow. */
export function MainNav({ pages, currentPath }: { pages: readonly AppPage[]; currentPath: string }) {
  return (
    <nav class="main-nav" aria-label="Main">
      <ul>
        {pages.map((page) => (
          <li key={page.key}>
            <Link href={page.path} current={isAtOrInside(currentPath, page.path)}>
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
