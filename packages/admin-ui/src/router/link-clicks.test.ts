import { describe, expect, it } from 'vitest';
import { type ClickLike, isAppNavigation, type LinkLike } from './link-clicks';

const origin = 'https://toolgate.example';
const plain: ClickLike = {
  button: 0,
  defaultPrevented: false,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
};
const link: LinkLike = { href: `${origin}/actions`, target: '', hasDownload: false };

describe('isAppNavigation', () => {
  it('handles a plain click on a same-origin link', () => {
    expect(isAppNavigation(plain, link, origin)).toBe(true);
    expect(isAppNavigation(plain, { ...link, href: '/agents', target: '_self' }, origin)).toBe(true);
  });

  it('leaves new-tab, new-window and other-button clicks to the browser', () => {
    for (const click of [
      { ...plain, metaKey: true },
      { ...plain, ctrlKey: true },
      { ...plain, shiftKey: true },
      { ...plain, altKey: true },
      { ...plain, button: 1 },
      { ...plain, defaultPrevented: true },
    ]) {
      expect(isAppNavigation(click, link, origin)).toBe(false);
    }
  });

  it('leaves other targets, downloads and other origins to the browser', () => {
    expect(isAppNavigation(plain, { ...link, target: '_blank' }, origin)).toBe(false);
    expect(isAppNavigation(plain, { ...link, hasDownload: true }, origin)).toBe(false);
    expect(isAppNavigation(plain, { ...link, href: 'https://docs.example/x' }, origin)).toBe(false);
    expect(isAppNavigation(plain, { ...link, href: 'http://toolgate.example/actions' }, origin)).toBe(false);
  });
});
