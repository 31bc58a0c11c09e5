import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { isSetMarker, toActionView, toCreatedAction, toRotatedSecret } from './action-view';
import { savedAction } from './testing/action-fixture';

describe('toActionView', () => {
  it('keeps an action of the expected shape', () => {
    const view = savedAction();
    expect(toActionView(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });

  it('refuses another shape', () => {
    expect(() => toActionView({ id: 'a', definition: { name: 'x' } })).toThrow(ApiError);
    expect(() => toActionView(null)).toThrow(ApiError);
  });
});

describe('toCreatedAction and toRotatedSecret', () => {
  it('read the secret shown once', () => {
    expect(toCreatedAction({ action: savedAction(), signingSecret: 'whsec_1' }).signingSecret).toBe(
      'whsec_1',
    );
    expect(() => toCreatedAction({ action: savedAction() })).toThrow(ApiError);
    expect(
      toRotatedSecret({ signingSecret: 'whsec_2', previousValidUntil: '2025-01-02T00:00:00.000Z' }),
    ).toEqual({
      signingSecret: 'whsec_2',
      previousValidUntil: '2025-01-02T00:00:00.000Z',
    });
    expect(() => toRotatedSecret({})).toThrow(ApiError);
  });
});

describe('isSetMarker', () => {
  it('recognizes the stand-in for a stored secret', () => {
    expect(isSetMarker({ set: true })).toBe(true);
    expect(isSetMarker('value')).toBe(false);
    expect(isSetMarker({ set: 'true' })).toBe(false);
  });
});
