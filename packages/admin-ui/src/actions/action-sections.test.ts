import { describe, expect, it } from 'vitest';
import {
  ACTION_SECTIONS,
  problemCounts,
  sectionFromSlug,
  sectionHref,
  sectionOfControl,
  sectionsFor,
} from './action-sections';

describe('the action page sections', () => {
  it('has a URL for each section and reads it back', () => {
    for (const section of ACTION_SECTIONS) {
      const href = sectionHref('/actions/act_1', section.key);
      const slug = href === '/actions/act_1' ? undefined : href.split('/').at(-1);
      expect(sectionFromSlug(slug)).toBe(section.key);
    }
    expect(sectionHref('/actions/act_1', 'definition')).toBe('/actions/act_1');
    expect(sectionHref('/actions/new', 'parameters')).toBe('/actions/new/parameters');
    expect(sectionFromSlug('nope')).toBeNull();
    expect(sectionFromSlug('definition')).toBeNull();
  });

  it('offers Test only for a saved action and an operator who may manage it', () => {
    const keys = (saved: boolean, canManage: boolean) => sectionsFor({ saved, canManage }).map((s) => s.key);
    expect(keys(true, true)).toEqual(['definition', 'parameters', 'auth', 'conversation', 'test']);
    expect(keys(false, true)).not.toContain('test');
    expect(keys(true, false)).not.toContain('test');
  });

  it('finds the section of every kind of control', () => {
    expect(sectionOfControl('/url')).toBe('definition');
    expect(sectionOfControl('/bodyTemplate')).toBe('definition');
    expect(sectionOfControl('/parameters')).toBe('parameters');
    expect(sectionOfControl('#parameter/p-1/name')).toBe('parameters');
    expect(sectionOfControl('#header/h-1/value')).toBe('auth');
    expect(sectionOfControl('/auth/token')).toBe('auth');
    expect(sectionOfControl('/signing/hexSignatureHeader')).toBe('auth');
    expect(sectionOfControl('/conversation/messages/delayed/afterMs')).toBe('conversation');
    expect(sectionOfControl('#rateLimit/calls')).toBe('conversation');
  });

  it('counts the controls with problems per section', () => {
    expect(
      problemCounts({
        '/name': ['is required'],
        '/url': ['must use https, not http'],
        '#parameter/p-1/name': ['is used by another parameter'],
        '/description': [],
      }),
    ).toEqual({ definition: 2, parameters: 1 });
  });
});
