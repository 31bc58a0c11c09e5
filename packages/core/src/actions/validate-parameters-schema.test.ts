import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationIssue } from '../errors.js';
import {
  collectParametersSchemaIssues,
  safeValidateParametersSchema,
  validateParametersSchema,
} from './validate-parameters-schema.js';

const schemaWith = (property: Record<string, unknown>) => ({ type: 'object', properties: { p: property } });
const issuesOf = (property: Record<string, unknown>) => collectParametersSchemaIssues(schemaWith(property));
const pathsOf = (issues: ValidationIssue[]) => issues.map((issue) => issue.path);

describe('collectParametersSchemaIssues', () => {
  it('accepts every supported keyword', () => {
    const schema = {
      type: 'object',
      properties: {
        order_number: {
          type: 'string',
          description: 'The order number, e.g. ORD-12345',
          pattern: '^ORD-\\d{3,}$',
          minLength: 5,
          maxLength: 20,
          examples: ['ORD-12345'],
        },
        email: { type: 'string', format: 'email' },
        phone: { type: 'string', format: 'phone' },
        day: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
        speed: { type: 'string', enum: ['standard', 'express'] },
        quantity: { type: 'integer', minimum: 1, maximum: 10, enum: [1, 2, 5] },
        amount: { type: 'number', minimum: 0.5, maximum: 0.5 },
        gift: { type: 'boolean' },
      },
      required: ['order_number', 'email'],
      additionalProperties: false,
    };
    expect(collectParametersSchemaIssues(schema)).toEqual([]);
    expect(collectParametersSchemaIssues({ type: 'object', properties: {} })).toEqual([]);
  });

  it('prefixes paths with the base pointer', () => {
    expect(collectParametersSchemaIssues({ type: 'array', properties: {} }, ['parameters'])).toEqual([
      { path: '/parameters/type', message: 'must be "object"' },
    ]);
  });

  it('checks the root', () => {
    expect(collectParametersSchemaIssues('object')).toEqual([
      { path: '', message: 'must be a JSON Schema object: {"type": "object", "properties": {...}}' },
    ]);
    expect(collectParametersSchemaIssues({})).toEqual([
      { path: '/type', message: 'is required: "object"' },
      {
        path: '/properties',
        message: 'is required: parameter names mapped to their schemas ({} for none)',
      },
    ]);
    expect(
      collectParametersSchemaIssues({
        type: 'object',
        properties: [],
        additionalProperties: true,
        $schema: 'x',
        anyOf: [],
      }),
    ).toEqual([
      {
        path: '/$schema',
        message: 'unknown keyword "$schema" (allowed: type, properties, required, additionalProperties)',
      },
      {
        path: '/anyOf',
        message: 'unknown keyword "anyOf" (allowed: type, properties, required, additionalProperties)',
      },
      { path: '/additionalProperties', message: 'may only be false (arguments are always closed)' },
      {
        path: '/properties',
        message: 'must be an object: parameter names mapped to their schemas ({} for none)',
      },
    ]);
  });

  it('allows at most 32 parameters', () => {
    const properties = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, { type: 'string' }]));
    expect(collectParametersSchemaIssues({ type: 'object', properties: properties(32) })).toEqual([]);
    expect(collectParametersSchemaIssues({ type: 'object', properties: properties(33) })).toEqual([
      { path: '/properties', message: 'must have at most 32 parameters (it has 33)' },
    ]);
  });

  it('checks parameter names', () => {
    const issues = collectParametersSchemaIssues({
      type: 'object',
      properties: {
        OrderNumber: { type: 'string' },
        'order-number': { type: 'string' },
        '1st': { type: 'string' },
        'a/b': { type: 'string' },
        [`a${'b'.repeat(64)}`]: { type: 'string' },
        ok_name_2: { type: 'string' },
      },
    });
    expect(pathsOf(issues)).toEqual([
      '/properties/OrderNumber',
      '/properties/order-number',
      '/properties/1st',
      '/properties/a~1b',
      `/properties/a${'b'.repeat(64)}`,
    ]);
    expect(issues[0]?.message).toBe(
      'is not a valid parameter name: use lower-case letters, digits and underscores, starting with a letter (at most 64), e.g. order_number',
    );
  });

  it('needs each property to be an object with a supported type', () => {
    expect(collectParametersSchemaIssues({ type: 'object', properties: { p: 'string' } })).toEqual([
      {
        path: '/properties/p',
        message: 'must be an object describing the parameter, e.g. {"type": "string"}',
      },
    ]);
    expect(issuesOf({})).toEqual([
      { path: '/properties/p/type', message: 'is required: one of string, number, integer, boolean' },
    ]);
    for (const type of ['object', 'array', 'null', 'text', ['string', 'null']]) {
      expect(issuesOf({ type })).toEqual([
        { path: '/properties/p/type', message: 'must be one of string, number, integer, boolean' },
      ]);
    }
  });

  it('reports a wrong type once, not again through every keyword that depends on it', () => {
    expect(pathsOf(issuesOf({ type: 'text', format: 'email', enum: [1], minimum: 3 }))).toEqual([
      '/properties/p/type',
    ]);
  });

  it('refuses unknown keywords with their path', () => {
    const issues = issuesOf({ type: 'string', default: 'x', items: {}, title: 'P' });
    expect(pathsOf(issues)).toEqual(['/properties/p/default', '/properties/p/items', '/properties/p/title']);
    expect(issues[0]?.message).toMatch(
      /^unknown keyword "default" \(parameters are flat scalars; allowed: type, /,
    );
  });

  it('checks descriptions and examples', () => {
    expect(issuesOf({ type: 'string', description: 'x'.repeat(500), examples: [] })).toEqual([]);
    expect(issuesOf({ type: 'string', description: 'x'.repeat(501), examples: 'ORD-1' })).toEqual([
      { path: '/properties/p/description', message: 'must be at most 500 characters' },
      { path: '/properties/p/examples', message: 'must be an array' },
    ]);
    expect(issuesOf({ type: 'string', description: 5 })).toEqual([
      { path: '/properties/p/description', message: 'must be a string' },
    ]);
  });

  describe('enum', () => {
    it('needs a non-empty array', () => {
      for (const values of [[], 'a', { a: 1 }]) {
        expect(issuesOf({ type: 'string', enum: values })).toEqual([
          { path: '/properties/p/enum', message: 'must be a non-empty array of allowed values' },
        ]);
      }
    });

    it('needs values of the parameter type, each reported at its index', () => {
      expect(issuesOf({ type: 'string', enum: ['a', 1, null] })).toEqual([
        { path: '/properties/p/enum/1', message: 'must be a string (the parameter is a string)' },
        { path: '/properties/p/enum/2', message: 'must be a string (the parameter is a string)' },
      ]);
      expect(issuesOf({ type: 'integer', enum: [1, 1.5, '2'] })).toEqual([
        { path: '/properties/p/enum/1', message: 'must be a whole number (the parameter is an integer)' },
        { path: '/properties/p/enum/2', message: 'must be a whole number (the parameter is an integer)' },
      ]);
      expect(issuesOf({ type: 'number', enum: [1.5, '2'] })).toEqual([
        { path: '/properties/p/enum/1', message: 'must be a number (the parameter is a number)' },
      ]);
    });

    it('needs unique values', () => {
      expect(issuesOf({ type: 'string', enum: ['a', 'b', 'a'] })).toEqual([
        { path: '/properties/p/enum/2', message: 'repeats "a"' },
      ]);
    });

    it('is not for booleans', () => {
      expect(issuesOf({ type: 'boolean', enum: [true] })).toEqual([
        { path: '/properties/p/enum', message: 'is not allowed on a boolean parameter' },
      ]);
    });
  });

  it('takes format only on strings, from the known list', () => {
    expect(issuesOf({ type: 'string', format: 'uri' })).toEqual([
      { path: '/properties/p/format', message: 'must be one of: email, date, date-time, phone' },
    ]);
    expect(issuesOf({ type: 'integer', format: 'phone' })).toEqual([
      { path: '/properties/p/format', message: 'only string parameters take format' },
    ]);
  });

  it('takes pattern only on strings, compiled with the u flag', () => {
    expect(issuesOf({ type: 'string', pattern: '^\\p{Lu}+$' })).toEqual([]);
    const [issue] = issuesOf({ type: 'string', pattern: '(' });
    expect(issue?.path).toBe('/properties/p/pattern');
    expect(issue?.message).toMatch(/^is not a valid regular expression: /);
    // Valid without the u flag, invalid with it: an escape that means nothing.
    expect(pathsOf(issuesOf({ type: 'string', pattern: '\\-\\q' }))).toEqual(['/properties/p/pattern']);
    expect(issuesOf({ type: 'string', pattern: 5 })).toEqual([
      { path: '/properties/p/pattern', message: 'must be a regular expression, as a string' },
    ]);
    expect(issuesOf({ type: 'number', pattern: '^1$' })).toEqual([
      { path: '/properties/p/pattern', message: 'only string parameters take pattern' },
    ]);
  });

  it('takes minLength and maxLength only on strings, as ordered whole numbers', () => {
    expect(issuesOf({ type: 'string', minLength: 3, maxLength: 3 })).toEqual([]);
    expect(issuesOf({ type: 'string', minLength: -1, maxLength: 2.5 })).toEqual([
      { path: '/properties/p/minLength', message: 'must be a whole number, 0 or more' },
      { path: '/properties/p/maxLength', message: 'must be a whole number, 0 or more' },
    ]);
    expect(issuesOf({ type: 'string', minLength: 5, maxLength: 2 })).toEqual([
      { path: '/properties/p/minLength', message: 'must not be greater than maxLength (2)' },
    ]);
    expect(issuesOf({ type: 'boolean', maxLength: 2 })).toEqual([
      { path: '/properties/p/maxLength', message: 'only string parameters take maxLength' },
    ]);
  });

  it('takes minimum and maximum only on numbers, in order', () => {
    expect(issuesOf({ type: 'number', minimum: -1.5, maximum: 0 })).toEqual([]);
    expect(issuesOf({ type: 'integer', minimum: '1', maximum: Number.NaN })).toEqual([
      { path: '/properties/p/minimum', message: 'must be a number' },
      { path: '/properties/p/maximum', message: 'must be a number' },
    ]);
    expect(issuesOf({ type: 'integer', minimum: 10, maximum: 1 })).toEqual([
      { path: '/properties/p/minimum', message: 'must not be greater than maximum (1)' },
    ]);
    expect(issuesOf({ type: 'string', minimum: 1 })).toEqual([
      { path: '/properties/p/minimum', message: 'only number and integer parameters take minimum' },
    ]);
  });

  it('checks required', () => {
    const properties = { a: { type: 'string' }, b: { type: 'string' } };
    expect(collectParametersSchemaIssues({ type: 'object', properties, required: ['a', 'b'] })).toEqual([]);
    expect(collectParametersSchemaIssues({ type: 'object', properties, required: 'a' })).toEqual([
      { path: '/required', message: 'must be an array of parameter names' },
    ]);
    expect(
      collectParametersSchemaIssues({ type: 'object', properties, required: ['a', 'c', 3, 'a', 'toString'] }),
    ).toEqual([
      { path: '/required/1', message: '"c" is not a declared parameter' },
      { path: '/required/2', message: 'must be a parameter name (a string)' },
      { path: '/required/3', message: 'lists "a" twice' },
      { path: '/required/4', message: '"toString" is not a declared parameter' },
    ]);
  });

  it('reports every problem of a badly written schema at once', () => {
    const issues = collectParametersSchemaIssues({
      type: 'object',
      properties: {
        OrderNumber: { type: 'string', pattern: '[' },
        quantity: { type: 'integer', minimum: 5, maximum: 1, format: 'email' },
        speed: { type: 'string', enum: ['fast', 'fast'] },
      },
      required: ['order_number'],
    });
    expect(pathsOf(issues)).toEqual([
      '/properties/OrderNumber',
      '/properties/OrderNumber/pattern',
      '/properties/quantity/format',
      '/properties/quantity/minimum',
      '/properties/speed/enum/1',
      '/required/0',
    ]);
  });
});

describe('validateParametersSchema', () => {
  it('returns a valid schema and throws with every problem otherwise', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(validateParametersSchema(schema)).toBe(schema);
    expect(() =>
      validateParametersSchema({ type: 'object', properties: { a: {} }, required: ['b'] }),
    ).toThrow(ValidationError);
    const result = safeValidateParametersSchema({ type: 'object', properties: { a: {} }, required: ['b'] });
    expect(result.success).toBe(false);
    if (!result.success) expect(pathsOf(result.error.details)).toEqual(['/properties/a/type', '/required/0']);
    expect(safeValidateParametersSchema(schema)).toEqual({ success: true, value: schema });
  });
});
