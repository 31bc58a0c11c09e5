import { describe, expect, it } from 'vitest';
import { parseWebhookSignatures } from './parse-webhook-signatures.js';

describe('parseWebhookSignatures', () => {
  it('sorts entries into v1 values, other versions and malformed ones', () => {
    expect(parseWebhookSignatures('v1,abc= v1a,def  v1,ghi= nonsense ,x v1,')).toEqual({
      v1: ['abc=', 'ghi='],
      otherVersions: ['v1a'],
      malformed: 3,
    });
  });

  it('tolerates the ", " that joins repeated headers', () => {
    expect(parseWebhookSignatures('v1,abc=, v1,def=').v1).toEqual(['abc=', 'def=']);
  });

  it('keeps commas inside a value (not base64: it will simply not match)', () => {
    expect(parseWebhookSignatures('v1,a,b').v1).toEqual(['a,b']);
  });

  it('returns nothing for an empty header', () => {
    expect(parseWebhookSignatures('   ')).toEqual({ v1: [], otherVersions: [], malformed: 0 });
  });
});
