import type { ComponentChildren, JSX } from 'preact';
import { isAppNavigation } from './link-clicks';
import { useRouter } from './router-context';

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
  /** A tooltip, for a link whose text is an id. */
  title?: string;
}

/** A real `<a href>` (so it can be opened in a new tab) that navigates inside the app on a plain click. */
export function Link({ href, children, class: className, current = false, title }: LinkProps) {
  const router = useRouter();
  const onClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    const anchor = event.currentTarget;
    const link = { href: anchor.href, target: anchor.target, hasDownload: anchor.hasAttribute('download') };
    if (!isAppNavigation(event, link, window.location.origin)) return;
    event.preventDefault();
    router.navigate(href);
  };
  return (
    <a
      href={href}
      class={className}
      title={title}
      aria-current={current ? 'page' : undefined}
      onClick={onClick}
    >
      {children}
    </a>
  );
}
