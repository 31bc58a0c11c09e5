/** Where the document comes from: a file, pasted text, or an https URL the server fetches. */
export type SourceMode = 'file' | 'paste' | 'url';

export interface SourceDraft {
  mode: SourceMode;
  /** The file's text (mode `file`) or the pasted text (mode `paste`). */
  text: string;
  fileName: string;
  url: string;
}

/** What the import route is sent: the document's text (JSON or YAML) or its URL. */
export type DocumentSource = { document: string } | { url: string };

/** The route takes bodies up to 2 MB; a larger document has to be imported by URL. */
export const MAX_INLINE_BYTES = 2 * 1024 * 1024;

export const EMPTY_SOURCE: SourceDraft = { mode: 'file', text: '', fileName: '', url: '' };

export type SourceCheck =
  | { ok: true; source: DocumentSource }
  | { ok: false; field: 'file' | 'paste' | 'url'; message: string };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The body for the chosen source, or what is wrong with it (nothing chosen, a document too large
 * to send inline, a URL that is not https). The server checks again and parses the document.
 */
export function checkSource(draft: SourceDraft): SourceCheck {
  if (draft.mode === 'url') {
    const url = draft.url.trim();
    if (url === '') return { ok: false, field: 'url', message: 'enter the URL of the OpenAPI document' };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, field: 'url', message: `"${url}" is not an absolute URL (https://…)` };
    }
    if (parsed.protocol !== 'https:') {
      return {
        ok: false,
        field: 'url',
        message: `the URL must start with https:// (not ${parsed.protocol}//)`,
      };
    }
    return { ok: true, source: { url } };
  }
  const field = draft.mode;
  if (draft.text.trim() === '') {
    return {
      ok: false,
      field,
      message: field === 'file' ? 'choose a JSON or YAML file' : 'paste the document (JSON or YAML)',
    };
  }
  // The text travels as a JSON string: its escapes count towards the limit too.
  const bytes = new TextEncoder().encode(JSON.stringify(draft.text)).length;
  if (bytes > MAX_INLINE_BYTES - 1024) {
    return {
      ok: false,
      field,
      message: `the document is ${megabytes(bytes)}, more than the ${megabytes(MAX_INLINE_BYTES)} sent inline; publish it at an https URL and import it by URL`,
    };
  }
  return { ok: true, source: { document: draft.text } };
}
