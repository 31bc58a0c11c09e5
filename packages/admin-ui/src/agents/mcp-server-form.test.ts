import { describe, expect, it } from 'vitest';
import { EMPTY_MCP_SERVER_FORM, mcpServerBody } from './mcp-server-form';

const base = { ...EMPTY_MCP_SERVER_FORM, name: ' shop ', url: 'https://mcp.example.com/mcp' };

describe('the Add an MCP server form', () => {
  it('sends no auth and the confirmation setting', () => {
    expect(mcpServerBody({ ...base, confirmation: 'always' })).toEqual({
      ok: true,
      body: {
        name: 'shop',
        url: 'https://mcp.example.com/mcp',
        auth: { type: 'none' },
        confirmation: 'always',
      },
    });
  });

  it('sends a header, asking for its value', () => {
    expect(mcpServerBody({ ...base, authType: 'header', headerValue: 'Bearer x' })).toMatchObject({
      ok: true,
      body: { auth: { type: 'header', name: 'Authorization', value: 'Bearer x' } },
    });
    expect(mcpServerBody({ ...base, authType: 'header' })).toEqual({
      ok: false,
      errors: { headerValue: 'Give the header value (e.g. Bearer …).' },
    });
  });

  it('sends OAuth2 client credentials with scopes split and an audience', () => {
    const form = {
      ...base,
      authType: 'oauth2_client_credentials' as const,
      tokenUrl: 'https://auth.example.com/token',
      clientId: ' toolgate ',
      clientSecret: 's3cret',
      scopes: 'orders.read, orders.write  tools',
      audience: 'https://api.example.com',
    };
    expect(mcpServerBody(form)).toEqual({
      ok: true,
      body: {
        name: 'shop',
        url: 'https://mcp.example.com/mcp',
        confirmation: 'auto',
        auth: {
          type: 'oauth2_client_credentials',
          tokenUrl: 'https://auth.example.com/token',
          clientId: 'toolgate',
          clientSecret: 's3cret',
          scopes: ['orders.read', 'orders.write', 'tools'],
          audience: 'https://api.example.com',
        },
      },
    });
    const bare = mcpServerBody({ ...form, scopes: ' ', audience: '' });
    expect(bare.ok && bare.body.auth).toEqual({
      type: 'oauth2_client_credentials',
      tokenUrl: 'https://auth.example.com/token',
      clientId: 'toolgate',
      clientSecret: 's3cret',
    });
  });

  it('says which OAuth2 fields are missing or wrong', () => {
    expect(
      mcpServerBody({
        ...base,
        url: 'http://mcp.example.com',
        authType: 'oauth2_client_credentials',
        name: '',
      }),
    ).toEqual({
      ok: false,
      errors: {
        name: 'Give the server a name: it prefixes its tools.',
        url: 'The URL must start with https://.',
        tokenUrl: 'The token URL must start with https://.',
        clientId: 'Give the client id.',
        clientSecret: 'Give the client secret.',
      },
    });
  });
});
