import type { ActionDefinition } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import { joinSecrets, showDefinition, splitSecrets } from './action-secrets.js';

const definition: ActionDefinition = {
  name: 'check_order_status',
  description: 'Check an order.',
  url: 'https://shop.example.com/orders',
  headers: { 'X-Shop-Key': 'hdr_secret_1', 'X-Other': 'hdr_secret_2' },
  auth: { type: 'basic', username: 'shop', password: 'pw_secret' },
};

describe('action secrets', () => {
  it('splits every secret out, and joins them back exactly', () => {
    const { publicDefinition, secrets } = splitSecrets(definition);
    expect(JSON.stringify(publicDefinition)).not.toMatch(/secret/);
    expect(secrets).toEqual({
      'headers/X-Shop-Key': 'hdr_secret_1',
      'headers/X-Other': 'hdr_secret_2',
      'auth/password': 'pw_secret',
    });
    expect(publicDefinition.auth).toEqual({ type: 'basic', username: 'shop', password: '' });
    expect(joinSecrets(publicDefinition, secrets)).toEqual(definition);
  });

  it('shows that a value is set, never the value', () => {
    const shown = showDefinition(splitSecrets(definition).publicDefinition);
    expect(shown.headers).toEqual({ 'X-Shop-Key': { set: true }, 'X-Other': { set: true } });
    expect(shown.auth).toEqual({ type: 'basic', username: 'shop', password: { set: true } });
  });

  it('handles every auth type and no auth at all', () => {
    const auths: ActionDefinition['auth'][] = [
      { type: 'bearer', token: 't_secret' },
      { type: 'api_key', in: 'query', name: 'key', value: 'v_secret' },
      {
        type: 'oauth2_client_credentials',
        tokenUrl: 'https://id.example.com/token',
        clientId: 'shop',
        clientSecret: 'cs_secret',
        scopes: ['orders.read'],
      },
      { type: 'none' },
    ];
    for (const auth of auths) {
      const { publicDefinition, secrets } = splitSecrets({ ...definition, headers: undefined, auth });
      expect(JSON.stringify(publicDefinition)).not.toContain('_secret');
      expect(joinSecrets(publicDefinition, secrets)).toEqual({ ...definition, headers: undefined, auth });
    }
    const bare = { name: 'a', description: 'b', url: 'https://x.example.com/' };
    expect(splitSecrets(bare)).toEqual({ publicDefinition: bare, secrets: {} });
  });
});
