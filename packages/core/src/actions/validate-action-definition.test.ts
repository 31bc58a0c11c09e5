import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { issuesWith, pathsOf, validActionFixture as valid } from './valid-action.fixture.js';
import {
  collectActionDefinitionIssues,
  safeValidateActionDefinition,
  validateActionDefinition,
} from './validate-action-definition.js';

describe('validateActionDefinition', () => {
  it('accepts a complete definition and returns the same object', () => {
    expect(collectActionDefinitionIssues(valid)).toEqual([]);
    expect(validateActionDefinition(valid)).toBe(valid);
  });

  it('accepts a minimal definition', () => {
    const minimal = {
      name: 'ping',
      description: 'Checks the endpoint is up.',
      url: 'https://api.example.com/ping',
    };
    expect(validateActionDefinition(minimal)).toBe(minimal);
  });

  it.each([null, [], 'check_order', 42, undefined])('refuses %j as a whole', (input) => {
    expect(collectActionDefinitionIssues(input)).toEqual([
      { path: '', message: 'an action definition must be a JSON object' },
    ]);
  });

  it('reports five mistakes as five issues, each at its own path', () => {
    const issues = collectActionDefinitionIssues({
      name: 'Check Order',
      description: '   ',
      url: 'http://api.example.com/orders',
      method: 'FETCH',
      timeoutMs: 500,
    });
    expect(pathsOf(issues)).toEqual(['/name', '/description', '/url', '/method', '/timeoutMs']);
    expect(issues[2]).toEqual({ path: '/url', message: 'must use https, not http' });
  });

  it('reports problems from every part of the definition in one pass', () => {
    const issues = collectActionDefinitionIssues({
      nme: 'typo',
      name: 'check_order_status',
      description: 'Look up an order.',
      url: 'https://api.example.com/orders/{order_id}#top',
      parameters: {
        type: 'object',
        properties: { order_number: { type: 'text' }, Email: { type: 'string', format: 'mail' } },
        required: ['order_number', 'phone'],
      },
      headers: { Host: 'evil.example', 'X-Trace': 'a\r\nInjected: 1' },
      auth: { type: 'basic', username: 'me:you' },
      bodyTemplate: { order: '{{parameters.order_id}}', when: '{{context.now}}' },
      enabled: 'yes',
    });
    expect(pathsOf(issues)).toEqual([
      '/nme',
      '/url',
      '/url',
      '/parameters/properties/order_number/type',
      '/parameters/properties/Email',
      '/parameters/properties/Email/format',
      '/parameters/required/1',
      '/headers/Host',
      '/headers/X-Trace',
      '/auth/username',
      '/auth/password',
      '/bodyTemplate/order',
      '/bodyTemplate/when',
      '/enabled',
    ]);
  });

  it('throws a ValidationError whose details list every problem', () => {
    const input = { name: 'Bad Name', description: '', url: 'ftp://x.example.com' };
    let thrown: unknown;
    try {
      validateActionDefinition(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.code).toBe('validation_failed');
    expect(pathsOf(error.details)).toEqual(['/name', '/description', '/url']);
    expect(error.message).toMatch(/^invalid action definition \(3 problems\): \/name must be lower-case/);
  });

  it('has a safe variant that returns the outcome as data', () => {
    expect(safeValidateActionDefinition(valid)).toEqual({ success: true, value: valid });
    const result = safeValidateActionDefinition({ ...valid, method: 'get' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(ValidationError);
      expect(result.error.details).toEqual([
        { path: '/method', message: 'must be one of: GET, POST, PUT, PATCH, DELETE (upper-case)' },
      ]);
    }
  });
});

describe('top-level fields', () => {
  it('refuses unknown fields, escaping the pointer', () => {
    expect(issuesWith({ timeout: 5000, 'a/b~c': 1 })).toEqual([
      { path: '/timeout', message: 'unknown field' },
      { path: '/a~1b~0c', message: 'unknown field' },
    ]);
  });

  it('requires a name and explains the rule', () => {
    expect(issuesWith({ name: undefined })).toEqual([
      { path: '/name', message: 'is required, e.g. check_order_status' },
    ]);
    for (const name of ['Check_order', 'check-order', '1check', '_check', 'a'.repeat(65), 42, '']) {
      const issues = issuesWith({ name });
      expect(pathsOf(issues)).toEqual(['/name']);
      expect(issues[0]?.message).toContain(
        'lower-case letters, digits and underscores, starting with a letter',
      );
    }
    expect(issuesWith({ name: `a${'b'.repeat(63)}` })).toEqual([]);
  });

  it('checks displayName: optional, 1 to 100 characters', () => {
    expect(issuesWith({ displayName: undefined })).toEqual([]);
    expect(issuesWith({ displayName: 'x'.repeat(100) })).toEqual([]);
    expect(issuesWith({ displayName: 'x'.repeat(101) })).toEqual([
      { path: '/displayName', message: 'must be at most 100 characters' },
    ]);
    expect(pathsOf(issuesWith({ displayName: '' }))).toEqual(['/displayName']);
    expect(issuesWith({ displayName: 7 })[0]?.message).toMatch(/^must be a string/);
  });

  it('requires a description of at most 1024 characters', () => {
    expect(issuesWith({ description: undefined })[0]).toEqual({
      path: '/description',
      message: 'is required: say what the action does and when the agent should use it',
    });
    expect(issuesWith({ description: ' \n ' })[0]?.message).toMatch(/^must not be empty/);
    expect(issuesWith({ description: ['a'] })[0]?.message).toMatch(/^must be a string/);
    expect(issuesWith({ description: 'x'.repeat(1024) })).toEqual([]);
    expect(issuesWith({ description: 'x'.repeat(1025) })).toEqual([
      { path: '/description', message: 'must be at most 1024 characters' },
    ]);
  });

  it('accepts only the five methods, upper-case', () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      expect(issuesWith({ method, bodyTemplate: undefined })).toEqual([]);
    }
    for (const method of ['get', 'HEAD', 'FETCH', 1])
      expect(pathsOf(issuesWith({ method }))).toEqual(['/method']);
  });

  it('accepts a whole-millisecond timeout from 1 to 30 seconds', () => {
    for (const timeoutMs of [1000, 30000, 12345]) expect(issuesWith({ timeoutMs })).toEqual([]);
    for (const timeoutMs of [999, 30001, 1500.5, '5000', 0, -1]) {
      expect(issuesWith({ timeoutMs })).toEqual([
        { path: '/timeoutMs', message: 'must be a whole number of milliseconds from 1000 to 30000' },
      ]);
    }
  });

  it('wants booleans for followRedirects and enabled', () => {
    expect(issuesWith({ followRedirects: 'true', enabled: 1 })).toEqual([
      { path: '/followRedirects', message: 'must be true or false' },
      { path: '/enabled', message: 'must be true or false' },
    ]);
  });

  it('checks signing options', () => {
    expect(issuesWith({ signing: {} })).toEqual([]);
    expect(pathsOf(issuesWith({ signing: true }))).toEqual(['/signing']);
    expect(issuesWith({ signing: { hexSignatureHeader: 'yes', secret: 'x' } })).toEqual([
      { path: '/signing/secret', message: 'unknown field (signing takes hexSignatureHeader)' },
      { path: '/signing/hexSignatureHeader', message: 'must be true or false' },
    ]);
  });

  it('locates parameter problems inside /parameters', () => {
    const issues = issuesWith({
      url: 'https://api.example.com/orders',
      bodyTemplate: undefined,
      parameters: {
        type: 'object',
        properties: { order_number: { type: 'string', minLength: -1 } },
        title: 'x',
      },
    });
    expect(pathsOf(issues)).toEqual(['/parameters/title', '/parameters/properties/order_number/minLength']);
  });
});
