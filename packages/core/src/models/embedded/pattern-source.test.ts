import { describe, expect, it } from 'vitest';
import { applyLiteralCase, splitPattern, withoutAnchors } from './pattern-source.js';

describe('splitPattern', () => {
  it('keeps escapes, classes, quantifiers and named groups whole', () => {
    expect(splitPattern('^ORD-\\d{3,}[A-Z]$').map((piece) => piece.text)).toEqual([
      '^',
      'O',
      'R',
      'D',
      '-',
      '\\d',
      '{3,}',
      '[A-Z]',
      '$',
    ]);
    expect(splitPattern('(?<id>\\p{Lu}x)').map((piece) => piece.text)).toEqual([
      '(?<id>',
      '\\p{Lu}',
      'x',
      ')',
    ]);
  });

  it('marks literal letters and anchors only', () => {
    const pieces = splitPattern('^a[b]\\dz$');
    expect(pieces.filter((piece) => piece.literalLetter).map((piece) => piece.text)).toEqual(['a', 'z']);
    expect(pieces.filter((piece) => piece.anchor).map((piece) => piece.text)).toEqual(['^', '$']);
  });
});

describe('withoutAnchors', () => {
  it.each([
    ['^ORD-\\d+$', 'ORD-\\d+'],
    ['^A$|^B$', 'A|B'],
    ['[$^]\\$\\^', '[$^]\\$\\^'],
    ['ORD', 'ORD'],
  ])('%s -> %s', (pattern, expected) => {
    expect(withoutAnchors(pattern)).toBe(expected);
  });
});

describe('applyLiteralCase', () => {
  it.each([
    ['ord-12345', '^ORD-\\d+$', 'ORD-12345'],
    ['Ord-12345', '^ORD-\\d+$', 'ORD-12345'],
    ['ord-ab12', '^ORD-[a-z0-9]+$', 'ORD-ab12'],
    ['inv-7', '^(ORD|INV)-\\d+$', 'INV-7'],
    ['inv-7', '^(?:ORD|INV)-(\\d+)$', 'INV-7'],
    ['abc-1', '^[A-Z]{3}-\\d$', 'abc-1'],
    ['SKU_9', '^sku_\\d$', 'sku_9'],
  ])('%s against %s -> %s', (token, pattern, expected) => {
    expect(applyLiteralCase(token, pattern)).toBe(expected);
  });

  it('leaves tokens alone when it cannot map them', () => {
    expect(applyLiteralCase('xyz', '^ORD-\\d+$')).toBe('xyz');
    expect(applyLiteralCase('aa', '^(a)\\1$')).toBe('aa');
  });
});
