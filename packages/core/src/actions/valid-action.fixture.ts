import type { ValidationIssue } from '../errors.js';
import { collectActionDefinitionIssues } from './validate-action-definition.js';

/** A complete, valid action definition used as the base of the validator's tests. */
export const validActionFixture = {
  name: 'check_order_status',
  displayName: 'Check order status',
  description: 'Look up the status of an order by its number.',
  url: 'https://api.example.com/orders/{order_number}',
  method: 'POST',
  timeoutMs: 5000,
  parameters: {
    type: 'object',
    properties: {
      order_number: { type: 'string', description: 'e.g. ORD-12345', pattern: '^ORD-\\d+$' },
      email: { type: 'string', format: 'email' },
    },
    required: ['order_number'],
    additionalProperties: false,
  },
  headers: { 'X-Api-Key': 'secret' },
  auth: { type: 'bearer', token: 'token-123' },
  bodyTemplate: {
    order: '{{parameters.order_number}}',
    items: [{ contact: '{{ parameters.email }}' }],
    meta: { call: '{{context.call_id}}', note: 'sent by {{context.agent_id}} for {{context.action}}' },
  },
  followRedirects: false,
  signing: { hexSignatureHeader: true },
  enabled: true,
};

/** The issues of `validActionFixture` with some fields replaced (`undefined` removes a field). */
export function issuesWith(patch: Record<string, unknown>): ValidationIssue[] {
  const input: Record<string, unknown> = { ...validActionFixture, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete input[key];
  return collectActionDefinitionIssues(input);
}

export const pathsOf = (issues: ValidationIssue[]) => issues.map((issue) => issue.path);
