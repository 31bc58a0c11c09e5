import { describe, expect, it } from 'vitest';
import { describeAuth, EMPTY_SECRET, schemesFor, secretFieldId, secretsBody } from './import-auth';
import type { OperationRow } from './import-rows';

const row = (name: string, auth?: OperationRow['auth']): OperationRow => ({
  name,
  method: 'GET',
  path: `/${name}`,
  status: 'new',
  selectable: true,
  reasons: [],
  warnings: [],
  changes: [],
  ...(auth ? { auth } : {}),
});

const rows = [
  row('get_pet', { scheme: 'api_key', type: 'api_key', in: 'header', name: 'X-Api-Key' }),
  row('list_pets', { scheme: 'api_key', type: 'api_key', in: 'header', name: 'X-Api-Key' }),
  row('send', { scheme: 'bearerAuth', type: 'bearer' }),
  row('lookup', { scheme: 'basicAuth', type: 'basic' }),
  row('health'),
];

describe('the credentials asked at import', () => {
  it('asks once per scheme of the chosen operations, naming who uses it', () => {
    const needs = schemesFor(rows, ['list_pets', 'get_pet', 'health', 'send']);
    expect(needs.map((need) => [need.auth.scheme, need.usedBy])).toEqual([
      ['api_key', ['get_pet', 'list_pets']],
      ['bearerAuth', ['send']],
    ]);
    expect(schemesFor(rows, ['health'])).toEqual([]);
    expect(describeAuth({ scheme: 'k', type: 'api_key', in: 'query', name: 'key' })).toBe(
      'an API key in the query parameter key',
    );
  });

  it('builds the secrets by scheme and names every empty field', () => {
    const needs = schemesFor(rows, ['get_pet', 'send', 'lookup']);
    const filled = secretsBody(needs, {
      api_key: { ...EMPTY_SECRET, value: 'k-1' },
      bearerAuth: { ...EMPTY_SECRET, token: 't-1' },
      basicAuth: { ...EMPTY_SECRET, username: 'AC1', password: 'p-1' },
    });
    expect(filled).toEqual({
      secrets: {
        api_key: { value: 'k-1' },
        bearerAuth: { token: 't-1' },
        basicAuth: { username: 'AC1', password: 'p-1' },
      },
      missing: {},
    });
    const empty = secretsBody(needs, { basicAuth: { ...EMPTY_SECRET, username: 'AC1', password: ' ' } });
    expect(empty.missing).toEqual({
      [secretFieldId('api_key', 'value')]: 'enter the API key for api_key',
      [secretFieldId('bearerAuth', 'token')]: 'enter the token for bearerAuth',
      [secretFieldId('basicAuth', 'password')]: 'enter the password for basicAuth',
    });
    expect(secretFieldId('a b/c', 'token')).toBe('import-secret-a_b_c-token');
  });
});
