import { describe, expect, it } from 'vitest';
import { checkSource, EMPTY_SOURCE, MAX_INLINE_BYTES } from './import-source';

describe('checkSource', () => {
  it('sends a file or pasted text as the document and a URL as the url', () => {
    expect(checkSource({ ...EMPTY_SOURCE, text: 'openapi: 3.1.0', fileName: 'a.yaml' })).toEqual({
      ok: true,
      source: { document: 'openapi: 3.1.0' },
    });
    expect(checkSource({ ...EMPTY_SOURCE, mode: 'paste', text: '{"swagger":"2.0"}' })).toEqual({
      ok: true,
      source: { document: '{"swagger":"2.0"}' },
    });
    expect(
      checkSource({ ...EMPTY_SOURCE, mode: 'url', url: ' https://api.example.com/openapi.json ' }),
    ).toEqual({
      ok: true,
      source: { url: 'https://api.example.com/openapi.json' },
    });
  });

  it('says what is missing or wrong, at the field of the chosen source', () => {
    expect(checkSource(EMPTY_SOURCE)).toEqual({
      ok: false,
      field: 'file',
      message: 'choose a JSON or YAML file',
    });
    expect(checkSource({ ...EMPTY_SOURCE, mode: 'paste', text: '  ' })).toMatchObject({ field: 'paste' });
    expect(checkSource({ ...EMPTY_SOURCE, mode: 'url', url: 'api.example.com' })).toMatchObject({
      field: 'url',
      message: '"api.example.com" is not an absolute URL (https://…)',
    });
    expect(checkSource({ ...EMPTY_SOURCE, mode: 'url', url: 'http://api.example.com/o.json' })).toMatchObject(
      {
        message: 'the URL must start with https:// (not http://)',
      },
    );
  });

  it('refuses a document too large to send inline, pointing to the URL import', () => {
    const large = checkSource({ ...EMPTY_SOURCE, mode: 'paste', text: 'x'.repeat(MAX_INLINE_BYTES) });
    expect(large).toMatchObject({ ok: false, field: 'paste' });
    expect(large.ok ? '' : large.message).toMatch(
      /^the document is 2\.0 MB, more than the 2\.0 MB .*by URL$/,
    );
    // Newlines count twice once escaped: a text under the limit can be over it as a JSON string.
    const escaped = checkSource({
      ...EMPTY_SOURCE,
      mode: 'paste',
      text: '\n'.repeat(MAX_INLINE_BYTES / 2 + 1),
    });
    expect(escaped.ok).toBe(false);
  });
});
