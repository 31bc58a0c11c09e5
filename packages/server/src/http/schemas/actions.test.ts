import type { Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { type ActionDefinition, collectActionDefinitionIssues } from '@toolgate/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import '../formats.js';
import { CreateActionBody } from './actions.js';

/**
 * The action's rules live in core (`collectActionDefinitionIssues`); the API schema describes them
 * for the OpenAPI document and refuses unknown fields. The router leaves field types to core
 * (`fieldsCheckedBy: 'core'`), so the two descriptions must not drift: these tests fail when a
 * field exists in one and not the other, or when one accepts a value the other refuses.
 */
const schema = TypeCompiler.Compile(CreateActionBody);

const valid = {
  name: 'book_table',
  displayName: 'Book a table',
  description: 'Books a table for a party at a date and time.',
  url: 'https://api.example.com/bookings',
  method: 'POST',
  timeoutMs: 5000,
  parameters: {
    type: 'object',
    properties: { party_size: { type: 'integer' }, date: { type: 'string', format: 'date' } },
    required: ['party_size'],
  },
  headers: { 'X-Api-Key': 'secret' },
  auth: { type: 'bearer', token: 'token-123' },
  bodyTemplate: { size: '{{parameters.party_size}}', answer_to: '{{context.callback_url}}' },
  followRedirects: false,
  signing: { hexSignatureHeader: true },
  enabled: true,
  async: { deadlineSeconds: 600 },
  retry: { attempts: 3, nonIdempotent: true },
  conversation: { confirmation: 'always', responseFields: ['status'] },
} as const;

/** One wrong value per field: both descriptions must refuse each, at that field. */
const wrong: Array<[field: string, value: unknown]> = [
  ['name', 'Book Table'],
  ['displayName', 42],
  ['description', ['a list']],
  ['url', 7],
  ['method', 'FETCH'],
  ['timeoutMs', 1.5],
  ['timeoutMs', 10_000_000],
  ['parameters', { type: 'array' }],
  ['headers', { 'X-Count': 3 }],
  ['auth', { type: 'kerberos' }],
  [
    'auth',
    {
      type: 'oauth2_client_credentials',
      tokenUrl: 'https://id.example.com/token',
      clientId: 'shop',
      clientSecret: 's',
      tokenEndpointAuthMethod: 'private_key_jwt',
    },
  ],
  [
    'auth',
    {
      type: 'oauth2_client_credentials',
      tokenUrl: 'https://id.example.com/token',
      clientId: 'shop',
      clientSecret: 's',
      scopes: 'orders.read',
    },
  ],
  ['followRedirects', 'yes'],
  ['signing', { hexSignatureHeader: 'true' }],
  ['enabled', 1],
  ['async', { deadlineSeconds: 1 }],
  ['retry', { attempts: 99 }],
  ['conversation', { confirmation: 'sometimes' }],
];

describe("the action API's schema and core's action rules describe the same definition", () => {
  it('names exactly the fields of an ActionDefinition', () => {
    expectTypeOf<keyof Static<typeof CreateActionBody>>().toEqualTypeOf<keyof ActionDefinition>();
  });

  it('both accept a definition that uses every field', () => {
    expect(collectActionDefinitionIssues(valid)).toEqual([]);
    expect([...schema.Errors(valid)].map((error) => error.path)).toEqual([]);
  });

  it.each(wrong)('both refuse a wrong %s (%j) at that field', (field, value) => {
    const input = { ...valid, [field]: value };
    const coreIssues = collectActionDefinitionIssues(input).map((issue) => issue.path);
    const schemaIssues = [...schema.Errors(input)].map((error) => error.path);
    expect(coreIssues.some((path) => path.startsWith(`/${field}`))).toBe(true);
    expect(schemaIssues.some((path) => path.startsWith(`/${field}`))).toBe(true);
  });

  it('both refuse an unknown field', () => {
    const input = { ...valid, webhookUrl: 'https://api.example.com' };
    expect(collectActionDefinitionIssues(input).map((issue) => issue.path)).toContain('/webhookUrl');
    expect([...schema.Errors(input)].map((error) => error.path)).toContain('/webhookUrl');
  });
});
