import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  CALL_PAGE_SIZE,
  callListQuery,
  conversationCallsPath,
  draftFromFilters,
  type FilterDraft,
  filtersFromDraft,
  filtersFromSearch,
  hasFilters,
  isoToLocalInput,
  localInputToIso,
  searchFromFilters,
  serverFilterErrors,
} from './call-filters';

const EMPTY: FilterDraft = { action: '', outcome: '', trigger: '', conversation: '', from: '', to: '' };

describe('local times', () => {
  it('turns a datetime-local value into the instant of that local time, and back', () => {
    expect(localInputToIso('2025-03-25T15:00')).toBe(new Date(2025, 2, 25, 15, 0).toISOString());
    expect(localInputToIso('2025-03-25T15:00:30')).toBe(new Date(2025, 2, 25, 15, 0, 30).toISOString());
    expect(isoToLocalInput(new Date(2025, 2, 25, 15, 0).toISOString())).toBe('2025-03-25T15:00');
    expect(isoToLocalInput(new Date(2025, 2, 25, 9, 5, 7).toISOString())).toBe('2025-03-25T09:05:07');
  });

  it('refuses what is not a local date and time', () => {
    for (const text of [
      '',
      'tomorrow',
      '2025-02-30T10:00',
      '2025-03-25T24:00',
      '2025-03-25',
      '2025-03-25T10:00Z',
    ]) {
      expect(localInputToIso(text)).toBeUndefined();
    }
    expect(isoToLocalInput('nope')).toBe('');
  });
});

describe('filters in the query string', () => {
  it('reads the filters, with times normalized', () => {
    expect(
      filtersFromSearch(
        '?action=check_order&outcome=failed&trigger=ai_intent&conversation=cnv_1&from=2025-03-25T14:00:00Z&to=2025-03-26T00:00:00.000Z',
      ),
    ).toEqual({
      action: 'check_order',
      outcome: 'failed',
      trigger: 'ai_intent',
      conversation: 'cnv_1',
      from: '2025-03-25T14:00:00.000Z',
      to: '2025-03-26T00:00:00.000Z',
    });
  });

  it('drops unknown and malformed values', () => {
    expect(
      filtersFromSearch(
        '?outcome=maybe&trigger=robot&from=yesterday&to=2025-13-45T00:00Z&action=%20&limit=5',
      ),
    ).toEqual({});
    expect(filtersFromSearch('')).toEqual({});
  });

  it('writes them back in a fixed order, and nothing when none is set', () => {
    expect(searchFromFilters({ to: '2025-03-26T00:00:00.000Z', action: 'a b', outcome: 'ok' })).toBe(
      '?action=a+b&outcome=ok&to=2025-03-26T00%3A00%3A00.000Z',
    );
    expect(searchFromFilters({})).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ trigger: 'test' })).toBe(true);
  });

  it('round-trips', () => {
    const filters = {
      action: 'act_1',
      outcome: 'ok' as const,
      trigger: 'manual' as const,
      conversation: 'cnv 9',
      from: '2025-03-25T14:00:00.000Z',
    };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });
});

describe('the filter form', () => {
  it('shows the filters with times in local time, and reads them back', () => {
    const from = new Date(2025, 2, 25, 8, 30).toISOString();
    const draft = draftFromFilters({ outcome: 'failed', from });
    expect(draft).toEqual({ ...EMPTY, outcome: 'failed', from: '2025-03-25T08:30' });
    expect(filtersFromDraft(draft)).toEqual({ ok: true, filters: { outcome: 'failed', from } });
  });

  it('trims text and leaves empty fields out', () => {
    expect(filtersFromDraft({ ...EMPTY, action: '  check_order ', conversation: '   ' })).toEqual({
      ok: true,
      filters: { action: 'check_order' },
    });
  });

  it('says what is wrong at the field', () => {
    expect(filtersFromDraft({ ...EMPTY, to: 'soon' })).toEqual({
      ok: false,
      errors: { to: ['must be a date and a time'] },
    });
    expect(filtersFromDraft({ ...EMPTY, from: '2025-03-25T10:00', to: '2025-03-25T10:00' })).toEqual({
      ok: false,
      errors: { from: ['must be before "To"'] },
    });
  });
});

describe('callListQuery', () => {
  it('sends the filters with the page size and the cursor', () => {
    expect(callListQuery({ outcome: 'ok' })).toEqual({
      outcome: 'ok',
      limit: CALL_PAGE_SIZE,
      cursor: undefined,
    });
    expect(callListQuery({}, 'next', 10)).toEqual({ limit: 10, cursor: 'next' });
  });
});

describe('serverFilterErrors', () => {
  it("puts the server's 422 issues at their filters", () => {
    const error = new ApiError(422, 'validation_failed', 'from must be before to', [
      { path: '/from', message: 'must be before to' },
      { path: '/limit', message: 'must be from 1 to 200' },
    ]);
    expect(serverFilterErrors(error)).toEqual({ from: ['must be before to'] });
    expect(serverFilterErrors(new ApiError(500, 'internal', 'x'))).toEqual({});
    expect(serverFilterErrors(new Error('x'))).toEqual({});
  });
});

describe('conversationCallsPath', () => {
  it("leads to the log filtered to the conversation's calls", () => {
    expect(conversationCallsPath('cnv_01 x')).toBe('/calls?conversation=cnv_01+x');
    expect(filtersFromSearch(conversationCallsPath('cnv_1').slice('/calls'.length))).toEqual({
      conversation: 'cnv_1',
    });
  });
});
