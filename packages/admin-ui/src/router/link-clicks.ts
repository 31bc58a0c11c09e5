/** The parts of a click the router looks at. */
export interface ClickLike {
  button: number;
  defaultPrevented: boolean;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The parts of the clicked link the router looks at. */
export interface LinkLike {
  href: string;
  target: string;
  hasDownload: boolean;
}

/**
 * True when the app should handle a link click itself instead of letting the browser load the
 * page: a plain primary-button click on a same-origin link meant for this tab. Ctrl/Cmd/Shift
 * clicks (new tab, new window), downloads and other origins stay with the browser.
 */
export function isAppNavigation(click: ClickLike, link: LinkLike, origin: string): boolean {
  if (click.defaultPrevented || click.button !== 0) return false;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (link.hasDownload || (link.target !== '' && link.target !== '_self')) return false;
  try {
    return new URL(link.href, origin).origin === origin;
  } catch {
    return false;
  }
}
