/** What a visitor reads when the chat cannot work on this page (the details go to the console). */
export const UNAVAILABLE_TEXT = 'This chat is not available on this site right now.';

/** A refused or failed widget request: a line for the visitor and, for the site's developer, a warning. */
export interface WidgetFailure {
  visitorText: string;
  /** For `console.warn`: what is wrong and what to configure; absent when the visitor's line says it all. */
  developerDetail?: string;
}

/**
 * Sorts a failed answer of the chat API. A refused key (401, or 403: the page's origin is not
 * one of the widget key's, or the key is for another agent) is the site's configuration, not the
 * visitor's business: the visitor gets one polite line, the console the server's reason, the
 * page's origin and where to fix it. Other failures (too many messages, a full conversation)
 * are the visitor's to know, in the server's words.
 */
export function describeWidgetFailure(
  status: number,
  serverMessage: string | undefined,
  pageOrigin: string,
): WidgetFailure {
  if (status === 401 || status === 403) {
    const reason = serverMessage ?? `the chat API answered ${status}`;
    const fix =
      status === 401
        ? 'check data-key on the script tag: the widget key may be revoked or mistyped'
        : `add ${pageOrigin} to the widget key's origins (admin app, Keys), and check that data-agent names the key's agent`;
    return {
      visitorText: UNAVAILABLE_TEXT,
      developerDetail: `Toolgate widget: refused on ${pageOrigin} (${reason}); ${fix}`,
    };
  }
  if (status === 0) return { visitorText: 'The chat cannot be reached right now. Please try again later.' };
  return { visitorText: serverMessage ?? `The chat is unavailable right now (${status}).` };
}
