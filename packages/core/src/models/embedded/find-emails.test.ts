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
