import { describe, expect, it } from 'vitest';
import { findEmails } from './find-emails.js';

describe('findEmails', () => {
  it('finds addresses, keeps the local part, lower-cases the domain, leaves out final punctuation', () => {
    expect(findEmails('Mail Jane.Doe+x@Mail.Example.COM. Or bob@b.io!')).toEqual([
      {
        value: 'Jane.Doe+x@mail.example.com',
        matched: 'Jane.Doe+x@Mail.Example.COM',
        start: 5,
        end: 32,
        kind: 'email',
      },
      { value: 'bob@b.io', matched: 'bob@b.io', start: 37, end: 45, kind: 'email' },
    ]);
  });

  it.each([
    'jane@',
    'jane@localhost',
    '.jane@example.com',
    'jane.@example.com',
    'a..b@example.com',
    'x@-a.com',
  ])('finds nothing in %j', (text) => {
    expect(findEmails(text)).toEqual([]);
  });
});

describe('findEmails: spoken addresses', () => {
  it.each([
    ['my email is ella dot stone at gmail dot com, and yes', 'ella.stone@gmail.com'],
    ['ella underscore stone at gmail dot com', 'ella_stone@gmail.com'],
    ['Ella.Stone at Gmail.com', 'ella.stone@gmail.com'],
    ['ella plus news at gmail dot com', 'ella+news@gmail.com'],
    ['john dash smith at my dash company dot co dot uk', 'john-smith@my-company.co.uk'],
    ['email is bob at example dot org please', 'bob@example.org'],
  ])('reads %j as %s', (text, expected) => {
    expect(findEmails(text).map((found) => found.value)).toEqual([expected]);
  });

  it.each([
    'meet me at the cafe',
    'look at this dot product',
    'at gmail dot com',
    'ella dot at gmail dot com',
  ])('finds no address in %j', (text) => {
    expect(findEmails(text)).toEqual([]);
  });

  it('reports where the spoken address is', () => {
    expect(findEmails('it is ella dot stone at gmail dot com.')).toEqual([
      {
        value: 'ella.stone@gmail.com',
        matched: 'ella dot stone at gmail dot com',
        start: 6,
        end: 37,
        kind: 'email',
      },
    ]);
  });
});
