import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { type ActionDraft, draftFromAction } from './action-draft';
import {
  actionFormErrors,
  controlLabel,
  errorSummary,
  mergeMessages,
  problemMessages,
} from './action-form-errors';
import { headerPath, rowPath } from './draft-values';
import { emptyRow } from './parameter-rows';
import { savedAction } from './testing/action-fixture';

const invalid = (...details: { path: string; message: string }[]) =>
  new ApiError(422, 'validation_failed', 'the action definition has problems', details);

const draft: ActionDraft = (() => {
  const base = draftFromAction(savedAction());
  return {
    ...base,
    headers: [...base.headers, { key: 'new-1', kind: 'new', name: 'Authorization', value: 'x' }],
  };
})();
const rowKey = (name: string) => draft.parameters.rows.find((row) => row.name === name)?.key ?? '';

describe('actionFormErrors', () => {
  it('puts fixed fields and conversation settings at their controls', () => {
    const result = actionFormErrors(
      invalid(
        { path: '/url', message: 'must use https, not http' },
        {
          path: '/conversation/messages/delayed/afterMs',
          message: 'must be whole milliseconds from 100 to 30000',
        },
        { path: '/conversation/responseFields/1', message: 'must be a non-empty text' },
        { path: '/auth/password', message: 'must not be empty' },
      ),
      draft,
    );
    expect(result).toEqual({
      fields: {
        '/url': ['must use https, not http'],
        '/conversation/messages/delayed/afterMs': ['must be from 0.1 to 30 seconds'],
        '/conversation/responseFields': ['1: must be a non-empty text'],
        '/auth/password': ['must not be empty'],
      },
      form: [],
    });
  });

  it('states the rules of fields in seconds in seconds, and puts the rate limit at its two fields', () => {
    const result = actionFormErrors(
      invalid(
        { path: '/timeoutMs', message: 'must be a whole number of milliseconds from 1000 to 30000' },
        { path: '/conversation/rateLimit/calls', message: 'must be a whole number, at least 1' },
        {
          path: '/conversation/rateLimit/windowMs',
          message: 'must be a whole number of milliseconds, at least 1000 (one second)',
        },
      ),
      draft,
    );
    expect(result).toEqual({
      fields: {
        '/timeoutMs': ['must be from 1 to 30 seconds'],
        '#rateLimit/calls': ['must be a whole number, 1 or more'],
        '#rateLimit/window': ['must be 1 second or more'],
      },
      form: [],
    });
    expect(JSON.stringify(result)).not.toContain('milliseconds');
  });

  it('puts parameter issues at the row and the control they belong to', () => {
    const result = actionFormErrors(
      invalid(
        { path: '/parameters/properties/order_number/pattern', message: 'is not a valid regular expression' },
        {
          path: '/parameters/properties/phone/type',
          message: 'must be one of string, number, integer, boolean',
        },
        {
          path: '/parameters/properties/phone/format',
          message: 'must be one of: email, date, date-time, phone',
        },
        { path: '/parameters/properties/phone/enum/0', message: 'must be a string' },
        { path: '/parameters/properties/phone/description', message: 'must be at most 500 characters' },
        { path: '/parameters/required/0', message: '"x" is not a declared parameter' },
      ),
      draft,
    );
    expect(result.fields).toEqual({
      [rowPath(rowKey('order_number'), 'name')]: ['pattern: is not a valid regular expression'],
      [rowPath(rowKey('phone'), 'kind')]: [
        'must be one of string, number, integer, boolean',
        'must be one of: email, date, date-time, phone',
      ],
      [rowPath(rowKey('phone'), 'allowed')]: ['0: must be a string'],
      [rowPath(rowKey('phone'), 'description')]: ['must be at most 500 characters'],
      '/parameters': ['required / 0: "x" is not a declared parameter'],
    });
  });

  it('puts every parameter issue at the JSON Schema text when that tab is open', () => {
    const json = { ...draft, parameters: { ...draft.parameters, tab: 'json' as const } };
    const result = actionFormErrors(
      invalid({ path: '/parameters/properties/tags/type', message: 'must be one of string, ...' }),
      json,
    );
    expect(result.fields).toEqual({
      '/parameters': ['properties / tags / type: must be one of string, ...'],
    });
  });

  it('puts header issues at the header row: a new one at its name, a replaced one at its value', () => {
    const replacing = {
      ...draft,
      headers: draft.headers.map((header) =>
        header.kind === 'stored' && header.name === 'X-Api-Key'
          ? { ...header, change: 'replace' as const }
          : header,
      ),
    };
    const result = actionFormErrors(
      invalid(
        {
          path: '/headers/Authorization',
          message: 'conflicts with auth: configure the credential in one place',
        },
        { path: '/headers/X-Api-Key', message: 'must not contain line breaks' },
      ),
      replacing,
    );
    expect(result.fields).toEqual({
      [headerPath('new-1', 'name')]: ['conflicts with auth: configure the credential in one place'],
      [headerPath('stored-header-0', 'value')]: ['must not contain line breaks'],
    });
  });

  it('shows what matches no control above the form, and errors without details as one sentence', () => {
    expect(actionFormErrors(invalid({ path: '/mystery', message: 'unknown field' }), draft)).toEqual({
      fields: {},
      form: ['/mystery: unknown field'],
    });
    expect(
      actionFormErrors(new ApiError(422, 'limit_reached', 'this tenant may have at most 2 actions'), draft),
    ).toEqual({
      fields: {},
      form: ['This tenant may have at most 2 actions.'],
    });
    expect(actionFormErrors(new TypeError('boom'), draft).form[0]).toMatch(
      /^Something went wrong in the app/,
    );
  });

  it('places a taken name (409 with details) at the name field', () => {
    const conflict = new ApiError(409, 'conflict', 'an action named x already exists', [
      { path: '/name', message: 'is already used by another action' },
    ]);
    expect(actionFormErrors(conflict, draft).fields['/name']).toEqual(['is already used by another action']);
  });

  it('skips blank rows when naming controls', () => {
    const withBlank = {
      ...draft,
      parameters: { ...draft.parameters, rows: [emptyRow('blank'), ...draft.parameters.rows] },
    };
    const result = actionFormErrors(
      invalid({ path: '/parameters/properties/', message: 'bad name' }),
      withBlank,
    );
    expect(result.fields).toEqual({ '/parameters': ['properties / : bad name'] });
  });
});

describe('problemMessages', () => {
  const problems = [
    { path: '/name', message: 'must start with a lower-case letter' },
    { path: '/description', message: 'is required', missing: true },
  ];

  it('shows invalid values at once and missing ones only after a save was tried', () => {
    expect(problemMessages(problems, false)).toEqual({ '/name': ['must start with a lower-case letter'] });
    expect(problemMessages(problems, true)).toEqual({
      '/name': ['must start with a lower-case letter'],
      '/description': ['is required'],
    });
  });
});

describe('mergeMessages', () => {
  it('joins messages by control without repeating one', () => {
    expect(mergeMessages({ '/url': ['a'] }, { '/url': ['a', 'b'], '/name': ['c'] })).toEqual({
      '/url': ['a', 'b'],
      '/name': ['c'],
    });
  });
});

describe('controlLabel and errorSummary', () => {
  it('names fixed controls, parameter rows and header rows as the form shows them', () => {
    const key = rowKey('phone');
    expect(controlLabel('/url', draft)).toBe('URL');
    expect(controlLabel(rowPath(key, 'kind'), draft)).toBe('Parameter 2 (phone): type');
    expect(controlLabel(headerPath('new-1', 'name'), draft)).toBe('Header Authorization: name');
    expect(controlLabel('/something/else', draft)).toBe('/something/else');
    expect(errorSummary({ '/url': ['must use https', 'is too long'] }, draft)).toEqual([
      { control: '/url', label: 'URL', messages: ['must use https', 'is too long'] },
    ]);
  });
});
