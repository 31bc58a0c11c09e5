import { describe, expect, it } from 'vitest';
import { baseUrlOf, documentServer, otherServers } from './import-base-url';

const servers = [
  { url: 'http://api.example.com/v1', usable: false, reason: 'not https' },
  { url: 'https://api.example.com/v1', usable: true },
  { url: 'https://eu.api.example.com/v1', usable: true },
];

describe('the base URL choice', () => {
  it("offers the document's first usable server as the default, and the other usable ones", () => {
    expect(documentServer(servers)?.url).toBe('https://api.example.com/v1');
    expect(otherServers(servers).map((server) => server.url)).toEqual(['https://eu.api.example.com/v1']);
    expect(documentServer([servers[0] as (typeof servers)[0]])).toBeUndefined();
  });

  it('sends no baseUrl for the document, the server chosen, or a checked https URL', () => {
    expect(baseUrlOf({ kind: 'document' })).toEqual({ ok: true });
    expect(baseUrlOf({ kind: 'server', url: 'https://eu.api.example.com/v1' })).toEqual({
      ok: true,
      baseUrl: 'https://eu.api.example.com/v1',
    });
    expect(baseUrlOf({ kind: 'other', url: ' https://xkcd.com/ ' })).toEqual({
      ok: true,
      baseUrl: 'https://xkcd.com',
    });
    expect(baseUrlOf({ kind: 'other', url: '' })).toMatchObject({ ok: false });
    expect(baseUrlOf({ kind: 'other', url: 'xkcd.com' })).toMatchObject({
      message: '"xkcd.com" is not an absolute URL (https://…)',
    });
    expect(baseUrlOf({ kind: 'other', url: 'http://xkcd.com' })).toMatchObject({
      message: 'the base URL must start with https://',
    });
  });
});
