import { describe, expect, it } from 'vitest';
import { asSentence, fieldId } from './field-text';

describe('asSentence', () => {
  it('capitalizes and ends with a full stop once', () => {
    expect(asSentence('must use https, not http')).toBe('Must use https, not http.');
    expect(asSentence('Saved.')).toBe('Saved.');
    expect(asSentence('is required (e.g. x)')).toBe('Is required (e.g. x)');
    expect(asSentence('  ')).toBe('');
  });
});

describe('fieldId', () => {
  it('makes a valid id from a pointer or a row path, different for different paths', () => {
    expect(fieldId('/url')).toBe('field-2f-url');
    expect(fieldId('#parameter/k-1/name')).toBe('field-23-parameter-2f-k-2d-1-2f-name');
    expect(fieldId('/a-b')).not.toBe(fieldId('/a/b'));
    expect(fieldId('/headers/X Key')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
