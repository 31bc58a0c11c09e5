import { describe, expect, it } from 'vitest';
import { findEnumValues, wordForms } from './find-enum-values.js';

const values = (text: string, allowed: Array<string | number>, synonyms?: Record<string, string[]>) =>
  findEnumValues(text, allowed, synonyms).map((candidate) => candidate.value);

describe('findEnumValues', () => {
  const sizes = ['small', 'medium', 'large'];

  it.each([
    ['Large', ['large']],
    ['a MEDIUM one', ['medium']],
    ['two larges', ['large']],
    ['small or large', ['small', 'large']],
  ])('%j -> %j', (text, expected) => {
    expect(values(text, sizes)).toEqual(expected);
  });

  it.each(['smaller', 'enlarge', 'largely', 'mediumish'])('finds nothing in %j', (text) => {
    expect(values(text, sizes)).toEqual([]);
  });

  it('reads underscores and hyphens in values as spaces', () => {
    expect(values('next day delivery', ['next_day', 'standard'])).toEqual(['next_day']);
    expect(values('NEXT-DAY', ['next_day'])).toEqual(['next_day']);
  });

  it('ignores spaces, dots and dashes inside a value, and splits camel case', () => {
    expect(values('send it Fed Ex', ['fedex', 'ups'])).toEqual(['fedex']);
    expect(values('Fed-Ex please', ['fedex', 'ups'])).toEqual(['fedex']);
    expect(values('U.P.S.', ['fedex', 'ups'])).toEqual(['ups']);
    expect(values('nextday', ['next_day'])).toEqual(['next_day']);
    expect(values('next day', ['nextDay'])).toEqual(['nextDay']);
  });

  it('does not find a value glued to a word by a hyphen', () => {
    expect(values('no pop-ups', ['ups'])).toEqual([]);
  });

  it('matches plurals both ways', () => {
    expect(values('one box', ['boxes'])).toEqual(['boxes']);
    expect(values('three parties', ['party'])).toEqual(['party']);
    expect(values('shirts', ['shirt'])).toEqual(['shirt']);
  });

  it('finds values through synonyms and says so', () => {
    const found = findEnumValues('overnight, please', ['standard', 'express'], {
      express: ['overnight', 'fast shipping'],
    });
    expect(found).toEqual([
      { value: 'express', matched: 'overnight', start: 0, end: 9, kind: 'enum-synonym' },
    ]);
    expect(values('Fast-Shipping', ['express'], { express: ['fast shipping'] })).toEqual(['express']);
  });

  it('returns numeric enum values typed', () => {
    expect(values('plan 30 please', [10, 30])).toEqual([30]);
  });

  it('ignores blank synonyms', () => {
    expect(values('anything', ['a'], { a: ['  '] })).toEqual([]);
  });
});

describe('wordForms', () => {
  it('adds plural and singular forms', () => {
    expect(wordForms('box')).toContain('boxes');
    expect(wordForms('boxes')).toContain('box');
    expect(wordForms('party')).toContain('parties');
    expect(wordForms('parties')).toContain('party');
    expect(wordForms('shirts')).toContain('shirt');
    expect(wordForms('bus')).not.toContain('bu');
  });
});
