import { describe, expect, it } from 'vitest';
import { findPersonNames, personNamePart } from './person-name.js';

describe('personNamePart', () => {
  it.each([
    ['name', 'full'],
    ['full_name', 'full'],
    ['customerName', 'full'],
    ['guest_name', 'full'],
    ['first_name', 'first'],
    ['firstName', 'first'],
    ['last_name', 'last'],
    ['surname', 'last'],
    ['product_name', undefined],
    ['company_name', undefined],
    ['username', undefined],
  ])('%j -> %s', (name, expected) => {
    expect(personNamePart(name, { type: 'string' })).toBe(expected);
  });

  it('reads the description when the name says nothing', () => {
    expect(personNamePart('who', { type: 'string', description: "The guest's name" })).toBe('full');
  });
});

describe('findPersonNames', () => {
  const names = (text: string, part: 'full' | 'first' | 'last' = 'full') =>
    findPersonNames(text, part).map((found) => [found.value, found.matched]);

  it.each([
    ["Table for 4, name's Dana, 212 555 0199", [['Dana', 'Dana']]],
    ['my name is dana reyes', [['Dana Reyes', 'dana reyes']]],
    ['My name is Dana Reyes and I need a table', [['Dana Reyes', 'Dana Reyes']]],
    ['this is Dana calling', [['Dana', 'Dana']]],
    ['under the name Dana please', [['Dana', 'Dana']]],
    ['put it under Dana', [['Dana', 'Dana']]],
    ["Hi, I'm Dana", [['Dana', 'Dana']]],
    ['call me Dee', [['Dee', 'Dee']]],
    ['can you change the name to Dana Whitfield', [['Dana Whitfield', 'Dana Whitfield']]],
    ['name is Mary-Jo O’Neil.', [['Mary-Jo O’Neil', 'Mary-Jo O’Neil']]],
    ['table for 2, name Jo Park, 212 555 0142', [['Jo Park', 'Jo Park']]],
    ["it's under Marco, call 312-555-0147", [['Marco', 'Marco']]],
    ['at 6pm for Mo', [['Mo', 'Mo']]],
    ["Hi, I'm Sam Ortiz from Blue Finch Labs", [['Sam Ortiz', 'Sam Ortiz']]],
    ['a table for 3 on April 9 at 7pm, Lou, 212 555 0111', [['Lou', 'Lou']]],
    ['Dana Lee, table for 2', [['Dana Lee', 'Dana Lee']]],
  ])('%j -> %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'this is urgent',
    "I'm looking for a table",
    'Great, thanks',
    'Friday, at 7',
    'Dana is here',
    'my name is',
    'a table for Saturday',
    'for ORD-12345',
    'under the table',
  ])('finds no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('gives the first or last word, where it is', () => {
    expect(findPersonNames('my name is Dana Reyes', 'last')).toEqual([
      { value: 'Reyes', matched: 'Reyes', start: 16, end: 21, kind: 'person-name' },
    ]);
    expect(names('my name is Dana Reyes', 'first')).toEqual([['Dana', 'Dana']]);
    expect(names('my name is Dana', 'last')).toEqual([]);
  });
});
