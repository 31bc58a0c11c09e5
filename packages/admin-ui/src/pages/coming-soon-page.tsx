import type { AppPage } from '../app-pages';
import { PageTitle } from '../components/page-title';

/** A page of the navigation whose screen is not built yet. */
export function ComingSoonPage({ page }: { page: AppPage }) {
  return (
    <>
      <PageTitle title={page.label}>
        <p class="page-intro">{page.summary}</p>
      </PageTitle>
      <p class="empty-state">This page is not built yet. It comes with the next version of the admin app.</p>
    </>
  );
}
