import { describe, expect, it } from 'vitest';
import { findOrganizations, isOrganizationParameter } from './find-organizations.js';

describe('isOrganizationParameter', () => {
  it.each([
    ['company', true],
    ['company_name', true],
    ['businessName', true],
    ['organisation', true],
    ['employer', true],
    ['business_hours', false],
    ['name', false],
  ])('%j -> %s', (name, expected) => {
    expect(isOrganizationParameter(name)).toBe(expected);
  });
});

describe('findOrganizations', () => {
  const names = (text: string) => findOrganizations(text).map((found) => found.value);

  it.each([
    ["Hi, I'm Sam Ortiz from Blue Finch Labs, we're about 40 people", ['Blue Finch Labs']],
    ['I work at Acme.', ['Acme']],
    ['the company is Northwind Traders', ['Northwind Traders']],
    ["I'm with Procter & Gamble", ['Procter & Gamble']],
  ])('%j -> %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each(['from Friday on', "we're 40 people", 'at 7pm', 'I am from the north', 'at I think noon'])(
    'finds none in %j',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );
});
