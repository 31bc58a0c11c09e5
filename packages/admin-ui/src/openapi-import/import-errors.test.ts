import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { placeImportError } from './import-errors';

const refusal = (status: number, details: { path: string; message: string }[], message = 'refused') =>
  new ApiError(status, status === 422 ? 'validation_failed' : 'bad_request', message, details);

describe('placeImportError', () => {
  it('sends a bad document or a blocked URL back to step 1, at its field', () => {
    const blocked = refusal(422, [{ path: '/url', message: 'the address 10.20.30.40 is private' }]);
    expect(placeImportError(blocked, 'source')).toEqual({
      step: 'source',
      fields: { url: 'the address 10.20.30.40 is private' },
      issues: ['the address 10.20.30.40 is private'],
    });
    const unreadable = refusal(422, [{ path: '/document', message: 'not an OpenAPI document' }]);
    expect(placeImportError(unreadable, 'connection').step).toBe('source');
    expect(placeImportError(refusal(413, [], 'the body is over 2 MB'), 'source')).toMatchObject({
      step: 'source',
      issues: ['the body is over 2 MB'],
    });
  });

  it('puts an operation refused at create on step 2, by the name sent at that index', () => {
    const placed = placeImportError(
      refusal(422, [{ path: '/operations/1', message: '"add_pet" cannot become an action: oauth2' }]),
      'connection',
      ['get_pet', 'add_pet'],
    );
    expect(placed.step).toBe('operations');
    expect(placed.fields).toEqual({ 'operation:add_pet': '"add_pet" cannot become an action: oauth2' });
  });

  it('puts a missing credential or a refused base URL on step 3, and anything else where it happened', () => {
    const placed = placeImportError(
      refusal(422, [
        { path: '/secrets/api_key', message: 'api_key scheme "api_key" needs {"value": "..."}' },
        { path: '/baseUrl', message: 'the base URL is not usable' },
      ]),
      'connection',
    );
    expect(placed).toMatchObject({
      step: 'connection',
      fields: { 'secret:api_key': expect.any(String), baseUrl: expect.any(String) },
    });
    expect(placeImportError(new ApiError(403, 'forbidden', 'needs webhooks:manage'), 'connection')).toEqual({
      step: 'connection',
      fields: {},
      issues: ['needs webhooks:manage'],
    });
    expect(placeImportError(new Error('boom'), 'operations').step).toBe('operations');
  });
});
