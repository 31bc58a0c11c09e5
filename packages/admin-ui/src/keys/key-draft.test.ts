import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  buildKeyBody,
  EMPTY_KEY_DRAFT,
  keyFormErrors,
  parseOrigins,
  toggleScope,
  widgetSnippet,
} from './key-draft';

describe('parseOrigins', () => {
  it('takes one origin a line, trimmed, without blank lines, trailing slashes or repeats', () => {
    expect(
      parseOrigins(' https://shop.example.com/ \r\n\n  https://www.example.com\nhttps://shop.example.com\n'),
    ).toEqual(['https://shop.example.com', 'https://www.example.com']);
  });

  it('is empty for blank text', () => {
    expect(parseOrigins('')).toEqual([]);
    expect(parseOrigins(' \n \n')).toEqual([]);
  });

  it('keeps what it cannot judge for the server to check', () => {
    expect(parseOrigins('shop.example.com\nhttps://x.example/path')).toEqual([
      'shop.example.com',
      'https://x.example/path',
    ]);
  });
});

describe('toggleScope', () => {
  it('adds and removes scopes, keeping the form order', () => {
    expect(toggleScope(['chat'], 'webhooks:read', true)).toEqual(['webhooks:read', 'chat']);
    expect(toggleScope(['webhooks:read', 'chat'], 'chat', false)).toEqual(['webhooks:read']);
    expect(toggleScope(['chat'], 'chat', true)).toEqual(['chat']);
  });
});

describe('buildKeyBody', () => {
  it('builds a key with a trimmed name and the chosen scopes', () => {
    expect(
      buildKeyBody({ ...EMPTY_KEY_DRAFT, name: ' Shop backend ', scopes: ['webhooks:read', 'chat'] }),
    ).toEqual({
      ok: true,
      body: { name: 'Shop backend', scopes: ['webhooks:read', 'chat'] },
    });
  });

  it('asks for a name and a scope', () => {
    expect(buildKeyBody(EMPTY_KEY_DRAFT)).toEqual({
      ok: false,
      errors: { '/name': ['is required'], '/scopes': ['choose at least one scope'] },
    });
  });

  it('gives a widget key the chat scope only, its agent and its origins', () => {
    const result = buildKeyBody({
      name: 'Shop widget',
      scopes: ['admin'],
      widget: true,
      agentId: 'agt_1',
      origins: 'https://shop.example.com/\nhttps://www.shop.example.com',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'Shop widget',
        scopes: ['chat'],
        widget: { agentId: 'agt_1', origins: ['https://shop.example.com', 'https://www.shop.example.com'] },
      },
    });
  });

  it('asks a widget key for its agent and at least one origin, not for scopes', () => {
    expect(buildKeyBody({ ...EMPTY_KEY_DRAFT, name: 'w', widget: true, origins: '\n' })).toEqual({
      ok: false,
      errors: {
        '/widget/agentId': ['choose the agent the widget talks to'],
        '/widget/origins': ['enter at least one origin, such as https://shop.example.com'],
      },
    });
  });

  it('says which origins have a path or another scheme, with the name problem, on the first try', () => {
    expect(
      buildKeyBody({
        ...EMPTY_KEY_DRAFT,
        name: ' ',
        widget: true,
        agentId: 'agt_1',
        origins: 'https://shop.example.com/checkout\nhttps://ok.example\nshop.example.com',
      }),
    ).toEqual({
      ok: false,
      errors: {
        '/name': ['is required'],
        '/widget/origins': [
          '“https://shop.example.com/checkout”: must be an origin like https://shop.example.com, without a path',
          '“shop.example.com”: must be an origin like https://shop.example.com, without a path',
        ],
      },
    });
  });

  it('refuses more than 20 origins and names over 100 characters', () => {
    const origins = Array.from({ length: 21 }, (_, index) => `https://s${index}.example`).join('\n');
    const result = buildKeyBody({
      ...EMPTY_KEY_DRAFT,
      name: 'x'.repeat(101),
      widget: true,
      agentId: 'a',
      origins,
    });
    expect(result).toEqual({
      ok: false,
      errors: { '/name': ['must be at most 100 characters'], '/widget/origins': ['at most 20 origins'] },
    });
  });
});

describe('keyFormErrors', () => {
  const sent = {
    name: 'w',
    scopes: ['chat' as const],
    widget: { agentId: 'agt_x', origins: ['https://a.example', 'https://B.example'] },
  };

  it('puts each issue at its field and names the origin an issue is about', () => {
    const error = new ApiError(422, 'validation_failed', 'the widget key has problems', [
      { path: '/name', message: 'must NOT have more than 100 characters' },
      { path: '/scopes', message: 'a widget key is public: its only scope is chat' },
      { path: '/widget/agentId', message: 'is not an agent of this tenant' },
      { path: '/widget/origins/1', message: 'write it as https://b.example' },
      { path: '/tenant', message: 'unexpected' },
    ]);
    expect(keyFormErrors(error, sent)).toEqual({
      fields: {
        '/name': ['must NOT have more than 100 characters'],
        '/scopes': ['a widget key is public: its only scope is chat'],
        '/widget/agentId': ['is not an agent of this tenant'],
        '/widget/origins': ['“https://B.example”: write it as https://b.example'],
      },
      form: ['/tenant: unexpected'],
    });
  });

  it('keeps the index when the origin is not known, and puts other failures above the form', () => {
    const error = new ApiError(422, 'validation_failed', 'invalid', [
      { path: '/widget/origins/5', message: 'bad' },
    ]);
    expect(keyFormErrors(error, undefined).fields['/widget/origins']).toEqual(['5: bad']);
    expect(keyFormErrors(new ApiError(403, 'forbidden', 'needs admin'), sent)).toEqual({
      fields: {},
      form: ['needs admin'],
    });
  });
});

describe('widgetSnippet', () => {
  it('is the script tag with the server origin, the agent and the key', () => {
    expect(widgetSnippet('https://toolgate.example/', 'agt_1', 'tg_live_abc')).toBe(
      '<script src="https://toolgate.example/widget.js" data-agent="agt_1" data-key="tg_live_abc"></script>',
    );
  });

  it('escapes attribute values', () => {
    expect(widgetSnippet('http://localhost:3000', 'a"b', '<&>')).toBe(
      '<script src="http://localhost:3000/widget.js" data-agent="a&quot;b" data-key="&lt;&amp;&gt;"></script>',
    );
  });
});
