import { describe, expect, it } from 'vitest';
import type { ParametersSchema } from './action-definition.js';
import {
  compileArgumentsValidator,
  compiledValidatorCount,
  MAX_COMPILED_VALIDATORS,
} from './compile-arguments-validator.js';

const schemaFor = (name: string): ParametersSchema => ({
  type: 'object',
  properties: { [name]: { type: 'string', minLength: 2 } },
  required: [name],
});

describe('compileArgumentsValidator', () => {
  it('compiles a schema once, found by object and by equal text', () => {
    const schema = schemaFor('order_number');
    const validate = compileArgumentsValidator(schema);
    expect(compileArgumentsValidator(schema)).toBe(validate);
    expect(compileArgumentsValidator(structuredClone(schema))).toBe(validate);
  });

  it('closes the schema and leaves required arguments to the caller', () => {
    const validate = compileArgumentsValidator(schemaFor('code'));
    expect(validate({})).toBe(true);
    expect(validate({ code: 'ab' })).toBe(true);
    expect(validate({ code: 'a' })).toBe(false);
    expect(validate({ other: 'ab' })).toBe(false);
  });

  it('does not change the schema it is given', () => {
    const schema = schemaFor('code');
    const before = structuredClone(schema);
    compileArgumentsValidator(schema);
    expect(schema).toStrictEqual(before);
  });

  it('checks phones by validity, not only by shape', () => {
    const validate = compileArgumentsValidator({
      type: 'object',
      properties: { phone: { type: 'string', format: 'phone' } },
    });
    expect(validate({ phone: '+14155550132' })).toBe(true);
    expect(validate({ phone: '+10000000000' })).toBe(false);
    expect(validate({ phone: '4155550132' })).toBe(false);
  });

  it('refuses NaN and Infinity as numbers', () => {
    const validate = compileArgumentsValidator({ type: 'object', properties: { n: { type: 'number' } } });
    expect(validate({ n: 1.5 })).toBe(true);
    expect(validate({ n: Number.NaN })).toBe(false);
    expect(validate({ n: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('keeps at most MAX_COMPILED_VALIDATORS schemas by text, forgetting the least recently used', () => {
    const first = schemaFor('kept');
    const firstValidate = compileArgumentsValidator(first);
    for (let index = 0; index < MAX_COMPILED_VALIDATORS + 10; index++) {
      compileArgumentsValidator(schemaFor(`p${index}`));
      // Using `kept` by text keeps it the most recently used.
      if (index % 100 === 0) compileArgumentsValidator(structuredClone(first));
    }
    expect(compiledValidatorCount()).toBe(MAX_COMPILED_VALIDATORS);
    expect(compileArgumentsValidator(structuredClone(first))).toBe(firstValidate);
    const evicted = compileArgumentsValidator(schemaFor('p0'));
    expect(evicted({ p0: 'ok' })).toBe(true);
  });
});
