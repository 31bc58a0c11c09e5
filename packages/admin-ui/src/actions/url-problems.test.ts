import { describe, expect, it } from 'vitest';
import { urlProblems } from './url-problems';

const none = { names: new Set<string>(), required: new Set<string>() };
const orderNumber = { names: new Set(['order_number', 'note']), required: new Set(['order_number']) };

describe('urlProblems', () => {
  it('accepts an https URL whose placeholders name required parameters', () => {
    expect(urlProblems('https://api.example.com/orders/{order_number}?x=1', orderNumber)).toEqual([]);
  });

  it('reports every problem at once, https among them', () => {
    expect(urlProblems('http://user:pw@api.example.com/orders/{id}/{note}#top', orderNumber)).toEqual([
      'placeholder {id} does not name a parameter',
      'placeholder {note} names an optional parameter; make "note" required',
      'must use https, not http',
      'must not contain credentials (user:password@); use auth instead',
      'must not contain a #fragment (it is never sent to the server)',
    ]);
  });

  it('says what an absolute URL looks like, and refuses spaces, a bad host and placeholders outside the path', () => {
    expect(urlProblems('api.example.com/orders', none)).toEqual([
      'must be an absolute URL such as https://api.example.com/orders/{order_number}',
    ]);
    expect(urlProblems('https://api example.com/', none)).toContain(
      'must not contain spaces, tabs or line breaks',
    );
    expect(urlProblems('https:///orders', none)).toEqual(['is not a valid URL (check the host name)']);
    expect(urlProblems('https://{order_number}.example.com/?q={note}', orderNumber)).toEqual([
      'placeholders may only appear in the path, not in the host',
      'placeholders may only appear in the path, not in the query string',
    ]);
  });
});
