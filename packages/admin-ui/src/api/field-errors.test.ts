import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { formErrors, isAtOrInside, jsonPointer } from './field-errors';

const invalid = (...details: { path: string; message: string }[]) =>
  new ApiError(422, 'validation_failed', 'the action is not valid', details);

describe('jsonPointer', () => {
  it('joins segments and escapes ~ and /', () => {
    expect(jsonPointer('parameters', 'order_number')).toBe('/parameters/order_number');
    expect(jsonPointer('headers', 'a/b~c')).toBe('/headers/a~1b~0c');
    expect(jsonPointer('items', 0)).toBe('/items/0');
    expect(jsonPointer()).toBe('');
  });
});

describe('isAtOrInside', () => {
  it('matches the pointer itself and what lies under it, not siblings with the same prefix', () => {
    expect(isAtOrInside('/url', '/url')).toBe(true);
    expect(isAtOrInside('/parameters/x', '/parameters')).toBe(true);
    expect(isAtOrInside('/urlTemplate', '/url')).toBe(false);
    expect(isAtOrInside('/anything', '')).toBe(true);
  });
});

describe('formErrors', () => {
  const fields = ['/name', '/url', '/parameters', '/parameters/properties'] as const;

  it('puts each issue at its field', () => {
    const result = formErrors(
      invalid({ path: '/name', message: 'must be snake_case' }, { path: '/url', message: 'must be https' }),
      fields,
    );
    expect(result).toEqual({
      fields: { '/name': ['must be snake_case'], '/url': ['must be https'] },
      form: [],
    });
  });

  it('puts an issue inside a field at the deepest field, naming the rest of the path', () => {
    const result = formErrors(
      invalid(
        { path: '/parameters/properties/order_number', message: 'needs a type' },
        { path: '/parameters/required', message: 'must be an array' },
        { path: '/parameters/properties/a~1b', message: 'bad' },
      ),
      fields,
    );
    expect(result.fields['/parameters/properties']).toEqual(['order_number: needs a type', 'a/b: bad']);
    expect(result.fields['/parameters']).toEqual(['required: must be an array']);
    expect(result.form).toEqual([]);
  });

  it('keeps several messages of one field in order', () => {
    const result = formErrors(
      invalid({ path: '/url', message: 'must be https' }, { path: '/url', message: 'must not name a user' }),
      fields,
    );
    expect(result.fields['/url']).toEqual(['must be https', 'must not name a user']);
  });

  it('puts issues outside every field above the form, with their path', () => {
    const result = formErrors(
      invalid(
        { path: '/timeoutMs', message: 'must be from 1000 to 30000' },
        { path: '', message: 'whole body' },
      ),
      fields,
    );
    expect(result).toEqual({ fields: {}, form: ['/timeoutMs: must be from 1000 to 30000', 'whole body'] });
  });

  it('shows the message of an error without details above the form', () => {
    const error = new ApiError(409, 'conflict', 'an action named check_order already exists');
    expect(formErrors(error, fields)).toEqual({
      fields: {},
      form: ['an action named check_order already exists'],
    });
  });

  it('does not show the text of an error that is not from the API', () => {
    const result = formErrors(new TypeError('x is undefined'), fields);
    expect(result.form).toEqual(['something went wrong; try again']);
  });
});
